package ai.zelto.application.provider;

import ai.zelto.application.spi.provider.SettingSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The settings of an integration built into Zelto (an organization's own LiveKit server, say), declared the
 * way provider plugins declare theirs, so that {@code PUT /v1/integrations/{id}}, the hints and the audit treat
 * both alike. When a plugin has the same id, its settings and these are offered together.
 *
 * @param check what is wrong with the settings an organization would have after a change (all of them,
 *              decrypted), by setting name; empty when nothing is
 */
public record BuiltInSettings(String id, List<SettingSpec> settings,
                              Function<Map<String, String>, Map<String, String>> check) {
    public BuiltInSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(check, "check");
        settings = List.copyOf(settings);
    }
}
