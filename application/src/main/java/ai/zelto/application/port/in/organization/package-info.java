/** Driving ports for organizations: creating one, and the first-start bootstrap. */
package ai.zelto.application.port.in.organization;
