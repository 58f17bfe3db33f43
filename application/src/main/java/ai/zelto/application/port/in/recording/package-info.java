/** Driving ports for recordings: playback of the stored copy, and the background jobs that make it. */
package ai.zelto.application.port.in.recording;
