package ai.zelto.domain.agent;

import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.Objects;

/**
 * An AI agent of an organization, identified within the org by the provider it runs on and the caller's own
 * external id. Its name comes from the first delivery that carries one and is never overwritten by later ones.
 */
public record Agent(AgentId id, OrganizationId organizationId, String provider, String externalId, String name,
                    Instant createdAt, Instant lastCallAt) {
    public static final int MAX_EXTERNAL_ID_LENGTH = 255;

    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The name to show: the one given by a delivery, else the external id, else the id. */
    public String displayName() {
        if (name != null) {
            return name;
        }
        return externalId != null ? externalId : id.toString();
    }
}
