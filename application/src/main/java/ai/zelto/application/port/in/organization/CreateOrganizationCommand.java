package ai.zelto.application.port.in.organization;

import java.util.Objects;

/**
 * @param firstKey the exact first key to create (automation), or {@code null} for a random one
 * @param actor    who creates it, for the audit log ({@code bootstrap}, {@code cli})
 */
public record CreateOrganizationCommand(String name, String firstKey, String actor) {
    public CreateOrganizationCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(actor, "actor");
    }
}
