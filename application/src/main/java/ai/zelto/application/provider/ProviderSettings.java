package ai.zelto.application.provider;

import ai.zelto.domain.organization.OrganizationId;
import java.util.Map;

/** Where ingestion gets an organization's decrypted settings for a provider. */
@FunctionalInterface
public interface ProviderSettings {
    Map<String, String> settingsFor(OrganizationId organizationId, String provider);
}
