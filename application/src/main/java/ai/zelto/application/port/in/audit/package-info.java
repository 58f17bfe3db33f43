/** Driving ports of the audit log: reading an organization's entries, verifying the chain. */
package ai.zelto.application.port.in.audit;
