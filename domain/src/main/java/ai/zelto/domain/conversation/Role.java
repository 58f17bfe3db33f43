package ai.zelto.domain.conversation;

import java.util.Locale;
import java.util.Optional;

/** Who spoke a transcript turn. */
public enum Role {
    USER, ASSISTANT, SYSTEM, TOOL;

    /** The lowercase wire name: {@code user}, {@code assistant}, {@code system}, {@code tool}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
