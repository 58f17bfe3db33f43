package ai.zelto.application.port.in.organization;

import java.util.Objects;

/**
 * @param firstKey the exact first key to create (automation), or {@code null} for a random one
 */
public record CreateOrganizationCommand(String name, String firstKey) {
    public CreateOrganizationCommand {
        Objects.requireNonNull(name, "name");
    }
}
