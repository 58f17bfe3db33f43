/** Driving ports of ingestion: accepting a delivery on the request thread, and processing it in the background. */
package ai.zelto.application.port.in.ingest;
