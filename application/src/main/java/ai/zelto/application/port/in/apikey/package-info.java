/** Driving ports for API keys: authenticating a presented key and creating new ones. */
package ai.zelto.application.port.in.apikey;
