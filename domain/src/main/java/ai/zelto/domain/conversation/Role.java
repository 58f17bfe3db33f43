package ai.zelto.domain.conversation;

import java.util.Locale;
import java.util.Optional;

/** Who spoke a transcript turn. */
public enum Role {
    USER, ASSISTANT, SYSTEM, TOOL;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lowercase wire name: {@code user}, {@code assistant}, {@code system}, {@code tool}. */
    public String wireName() {
        return wireName;
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
