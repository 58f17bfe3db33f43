/**
 * Deliveries: one acknowledged webhook request each, kept with its raw body until and after processing.
 * Only identity and status live here; storing and claiming them are application ports.
 */
package ai.zelto.domain.delivery;
