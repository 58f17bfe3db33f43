package ai.zelto.domain.organization;

import java.util.Objects;
import java.util.UUID;

/** Identifies an organization: the owner of every other piece of data. */
public record OrganizationId(UUID value) {
    public OrganizationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganizationId newId() {
        return new OrganizationId(UUID.randomUUID());
    }

    public static OrganizationId parse(String text) {
        return new OrganizationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
