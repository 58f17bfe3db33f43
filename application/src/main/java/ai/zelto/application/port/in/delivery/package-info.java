/** Driving port for reading a delivery's processing status. */
package ai.zelto.application.port.in.delivery;
