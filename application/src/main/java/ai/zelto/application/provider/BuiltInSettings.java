package ai.zelto.application.provider;

import ai.zelto.application.spi.provider.SettingSpec;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The settings of an integration built into Zelto (an organization's own LiveKit server, its WhatsApp number,
 * its Twilio account), declared the way provider plugins declare theirs, so that
 * {@code PUT /v1/integrations/{id}}, the hints, the audit and the hook URL treat both alike. When a plugin has the
 * same id, its settings and these are offered together.
 *
 * @param check       what is wrong with the settings an organization would have after a change
 * @param hookDetails what a caller needs besides the URL of a hook just created, from its secret token (WhatsApp's
 *                    verify token, say); empty for most
 */
public record BuiltInSettings(String id, List<SettingSpec> settings, Check check,
                              Function<String, Map<String, String>> hookDetails) {
    /** Judges the settings an organization would have after a change. */
    @FunctionalInterface
    public interface Check {
        /**
         * @param after all of them, decrypted
         * @return what is wrong, by setting name; empty when nothing is
         */
        Map<String, String> errors(OrganizationId organizationId, Map<String, String> after);
    }

    public BuiltInSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(hookDetails, "hookDetails");
        settings = List.copyOf(settings);
    }

    public BuiltInSettings(String id, List<SettingSpec> settings, Check check) {
        this(id, settings, check, token -> Map.of());
    }
}
