package ai.zelto.application.port.in.integration;

import ai.zelto.application.readmodel.IntegrationStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Map;

/**
 * Sets an organization's settings for a provider. A name mapped to {@code null} removes that setting; names
 * not given keep their value.
 */
public interface ConfigureIntegrationUseCase {
    /** @param actor who changes them, for the audit log ({@code user:<id>}) */
    IntegrationStatus configure(OrganizationId organizationId, String provider, Map<String, String> settings,
                                String actor);
}
