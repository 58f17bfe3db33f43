/**
 * Ingestion use cases: accepting deliveries and processing them in receive order. No I/O of its own: storage
 * goes through {@code port.out}, provider formats through the SPI.
 */
package ai.zelto.application.service.ingest;
