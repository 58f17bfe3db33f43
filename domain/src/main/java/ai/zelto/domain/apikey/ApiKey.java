package ai.zelto.domain.apikey;

import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * An org-wide API key as stored: everything but its secret. It acts as the user who created it.
 */
public record ApiKey(ApiKeyId id, OrganizationId organizationId, UserId userId, String name, String displayPrefix,
                     Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    public static final int MAX_NAME_LENGTH = 100;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        Objects.requireNonNull(createdAt, "createdAt");
        name = validName(name);
    }

    public static String validName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a key name is 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return name.strip();
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
