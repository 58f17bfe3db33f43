/** Driving port for reading an organization's credits. */
package ai.zelto.application.port.in.credit;
