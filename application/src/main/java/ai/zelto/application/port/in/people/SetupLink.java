package ai.zelto.application.port.in.people;

import ai.zelto.domain.user.Member;
import java.time.Instant;

/**
 * A one-time link for a person to set their login: its token is shown once (in the CLI, the start-up output or
 * the Members page) and only its hash is stored.
 */
public record SetupLink(String token, Member member, Instant expiresAt) {
    /** The path of the setup page; adapters make it absolute with the server's public URL. */
    public String path() {
        return "/setup/" + token;
    }

    @Override
    public String toString() {
        return "SetupLink[" + member.id() + ", expires " + expiresAt + "]";
    }
}
