/** Driving ports for reading agents and their per-version figures. */
package ai.zelto.application.port.in.agent;
