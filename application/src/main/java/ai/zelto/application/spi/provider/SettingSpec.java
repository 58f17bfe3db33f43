package ai.zelto.application.spi.provider;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A setting an organization can configure for a provider ({@code PUT /v1/integrations/{provider}}), such as
 * Vapi's server secret or Retell's API key. Values are strings; secret ones are encrypted at rest and never
 * shown again, only a hint of their last characters.
 *
 * @param name        the JSON name, e.g. {@code serverSecret}
 * @param description one sentence for people configuring it
 * @param secret      whether the value is a secret
 */
public record SettingSpec(String name, String description, boolean secret) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    public SettingSpec {
        Objects.requireNonNull(description, "description");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a setting name is a letter followed by letters, digits or '_'");
        }
    }
}
