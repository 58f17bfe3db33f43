package ai.zelto.application.port.in.integration;

import ai.zelto.domain.organization.OrganizationId;

/** Creates, or rotates, the organization's header-free webhook URL for a provider. */
public interface CreateHookUseCase {
    /** @return the URL: absolute when a public base URL is configured, else the path */
    String createHook(OrganizationId organizationId, String provider, String actor);
}
