/**
 * Read models: what queries ask for and return (views of conversations, agents, deliveries, credits and
 * integrations, pages and cursors). Both sides use them: driving ports return them, driven ports fill them.
 * They hold no behaviour beyond validating themselves, and never import a port.
 */
package ai.zelto.application.readmodel;
