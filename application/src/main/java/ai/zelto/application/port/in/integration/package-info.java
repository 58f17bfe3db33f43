/** Driving port for the per-provider integration status. */
package ai.zelto.application.port.in.integration;
