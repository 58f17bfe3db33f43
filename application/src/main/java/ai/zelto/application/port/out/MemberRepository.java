package ai.zelto.application.port.out;

import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.user.Email;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The people of organizations and their one-time setup links. A removed person is kept (their API keys and audit
 * entries still name them) but is found by nothing here. Emails are unique across the install (among people not
 * removed): a write that would repeat one does nothing and answers false.
 */
public interface MemberRepository {
    /** @return false, and nothing stored, when another person signs in with this email */
    boolean insert(Member member);

    Optional<Member> find(UserId id);

    /** A person and their password hash, by sign-in email. */
    Optional<Credentials> findByEmail(Email email);

    /** The organization's people, oldest first. */
    List<Member> list(OrganizationId organizationId);

    /**
     * Sets the email, name and password hash of a person (completing a setup link).
     *
     * @return false, and nothing changed, when another person signs in with this email
     */
    boolean setLogin(UserId id, Email email, String displayName, String passwordHash);

    void setRole(UserId id, Role role);

    void remove(UserId id, Instant at);

    /** Whether anybody at all can sign in yet (someone has a password). */
    boolean anyoneCanSignIn();

    void insertSetupToken(String tokenHash, UserId userId, String purpose, Instant createdAt, Instant expiresAt);

    Optional<SetupToken> findSetupToken(String tokenHash);

    /** Deletes every setup link of the person: using one, or being removed, ends them all. */
    void deleteSetupTokens(UserId userId);

    /** A person with the hash of their password; {@code passwordHash} is null until they set one. */
    record Credentials(Member member, String passwordHash) {
    }

    /** A stored setup link; only the hash of its token is kept. */
    record SetupToken(UserId userId, String purpose, Instant expiresAt) {
    }
}
