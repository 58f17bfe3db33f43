/** Driving ports for voice sessions and LiveKit's webhooks. */
package ai.zelto.application.port.in.voice;
