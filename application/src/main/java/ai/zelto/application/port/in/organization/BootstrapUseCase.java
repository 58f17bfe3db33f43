package ai.zelto.application.port.in.organization;

import java.util.Optional;

/**
 * On an empty database, creates the first organization (safe when several app copies start at once).
 *
 * @see CreateOrganizationUseCase
 */
public interface BootstrapUseCase {
    /** @return the organization created, or empty when the database already had one */
    Optional<CreatedOrganization> bootstrapIfEmpty(CreateOrganizationCommand command);
}
