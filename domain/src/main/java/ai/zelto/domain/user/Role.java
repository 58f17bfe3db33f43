package ai.zelto.domain.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do in their organization. The server checks these on every page and form; the console
 * hides what a role cannot do only as a courtesy.
 */
public enum Role {
    /** Everything, including removing admins; there is at least one owner and it cannot be removed. */
    OWNER,
    /** Everything but removing or demoting the owner. */
    ADMIN,
    /** Reads everything, uploads audio, starts sessions; manages nothing. */
    MEMBER,
    /** Reads only. */
    VIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String text) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(text)).findFirst();
    }

    /** Keys, integrations and members. */
    public boolean canManage() {
        return this == OWNER || this == ADMIN;
    }

    /** Uploads and sessions: what changes the organization's calls. */
    public boolean canWrite() {
        return this != VIEWER;
    }

    /**
     * Whether a person of this role may give {@code target} (now {@code current}) the role {@code next}, or
     * remove them when {@code next} is empty. Only an owner may touch an owner or make one.
     */
    public boolean mayChange(Role current, Optional<Role> next) {
        if (!canManage()) {
            return false;
        }
        if (this == OWNER) {
            return true;
        }
        return current != OWNER && next.map(role -> role != OWNER).orElse(true);
    }
}
