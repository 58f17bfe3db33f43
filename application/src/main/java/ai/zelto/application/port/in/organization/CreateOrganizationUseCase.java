package ai.zelto.application.port.in.organization;

/** Creates an organization with its owner, its starting credits and its first API key. */
public interface CreateOrganizationUseCase {
    CreatedOrganization create(CreateOrganizationCommand command);
}
