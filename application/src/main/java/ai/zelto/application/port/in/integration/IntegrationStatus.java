package ai.zelto.application.port.in.integration;

import java.time.Instant;

/**
 * A provider's status for an organization: active once at least one of its calls was ingested.
 *
 * @param lastCallAt when the last delivery of a call from this provider was received, or null
 */
public record IntegrationStatus(String provider, boolean active, Instant lastCallAt, long calls) {
}
