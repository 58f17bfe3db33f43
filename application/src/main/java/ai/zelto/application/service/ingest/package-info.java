/**
 * Ingestion use cases: accepting deliveries, processing them in receive order, and the worker loop that
 * drives processing. No I/O of its own: storage goes through {@code port.out}, provider formats through the SPI.
 */
package ai.zelto.application.service.ingest;
