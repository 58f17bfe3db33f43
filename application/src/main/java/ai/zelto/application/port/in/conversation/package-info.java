/** Driving ports for reading conversations, with the query and page records they use. */
package ai.zelto.application.port.in.conversation;
