package ai.zelto.application.port.out;

import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Per-organization provider settings (values encrypted by the caller) and hook tokens. */
public interface IntegrationRepository {
    /** One stored setting: its encrypted value and the hint that may be shown. */
    record StoredSetting(String ciphertext, String hint, Instant updatedAt) {
    }

    /** Where a hook token leads. */
    record HookTarget(OrganizationId organizationId, String provider) {
    }

    Map<String, StoredSetting> settings(OrganizationId organizationId, String provider);

    /** Every provider's settings of the organization, keyed by provider. */
    Map<String, Map<String, StoredSetting>> allSettings(OrganizationId organizationId);

    /** Replaces the organization's settings for the provider with these. */
    void saveSettings(OrganizationId organizationId, String provider, Map<String, StoredSetting> settings);

    /** Creates or replaces the organization's hook for the provider. */
    void saveHook(OrganizationId organizationId, String provider, String tokenHash, String tokenCiphertext,
                  Instant at);

    Optional<HookTarget> findHook(String tokenHash);

    /** The organizations whose stored setting of this provider has this hint (a plain setting's value). */
    List<OrganizationId> organizationsWithHint(String provider, String setting, String hint);

    /** The encrypted hook tokens of the organization, keyed by provider. */
    Map<String, String> hookTokens(OrganizationId organizationId);
}
