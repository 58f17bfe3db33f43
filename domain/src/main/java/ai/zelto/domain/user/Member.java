package ai.zelto.domain.user;

import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A person of an organization.
 *
 * @param email null until the person completes their setup link (the first owner of an install starts so)
 * @param hasPassword whether the person can sign in yet
 */
public record Member(UserId id, OrganizationId organizationId, Email email, String displayName, Role role,
                     boolean hasPassword, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 100;

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
