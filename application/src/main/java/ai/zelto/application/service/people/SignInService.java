package ai.zelto.application.service.people;

import ai.zelto.application.port.in.people.SignInCommand;
import ai.zelto.application.port.in.people.SignInResult;
import ai.zelto.application.port.in.people.SignInUseCase;
import ai.zelto.application.port.in.people.SignedInSession;
import ai.zelto.application.port.in.people.WebSessionUseCase;
import ai.zelto.application.port.out.MemberRepository;
import ai.zelto.application.port.out.PasswordHasher;
import ai.zelto.application.port.out.WebSessionRepository;
import ai.zelto.application.port.out.WebSessionRepository.StoredSession;
import ai.zelto.application.service.audit.AuditService;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.user.Email;
import ai.zelto.domain.user.Member;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signs people in and keeps their sessions: a new session (a new token) at every sign-in, ended after 12 hours
 * without use or 7 days after sign-in, whichever comes first. Guessing is throttled in the database, so that
 * every app copy counts the same failures: at most {@value #MAX_FAILURES_PER_ACCOUNT} failures per account and
 * {@value #MAX_FAILURES_PER_ADDRESS} per client address within {@link #FAILURE_WINDOW}.
 */
public final class SignInService implements SignInUseCase, WebSessionUseCase {
    static final int MAX_FAILURES_PER_ACCOUNT = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    /** Writing last-seen on every page view would make each read a write; a minute is precise enough. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final MemberRepository members;
    private final WebSessionRepository sessions;
    private final PasswordHasher passwords;
    private final AuditService audit;
    private final Tokens tokens;
    private final Clock clock;
    /** Checked when the email is unknown, so that a refusal takes as long whether the account exists or not. */
    private final String decoyHash;

    public SignInService(MemberRepository members, WebSessionRepository sessions, PasswordHasher passwords,
                         AuditService audit, SecureRandom random, Clock clock) {
        this.members = members;
        this.sessions = sessions;
        this.passwords = passwords;
        this.audit = audit;
        this.tokens = new Tokens(random);
        this.clock = clock;
        this.decoyHash = passwords.hash(tokens.next());
    }

    @Override
    public SignInResult signIn(SignInCommand command) {
        Instant now = clock.instant();
        String typed = command.email() == null ? "" : command.email().strip().toLowerCase(Locale.ROOT);
        String address = command.address() == null ? "unknown" : command.address();
        Instant since = now.minus(FAILURE_WINDOW);
        if (sessions.loginFailuresForEmail(typed, since) >= MAX_FAILURES_PER_ACCOUNT
                || sessions.loginFailuresFromAddress(address, since) >= MAX_FAILURES_PER_ADDRESS) {
            return new SignInResult.Throttled(FAILURE_WINDOW.toSeconds());
        }
        Optional<MemberRepository.Credentials> found = parse(typed).flatMap(members::findByEmail);
        String password = command.password() == null ? "" : command.password();
        String hash = found.map(MemberRepository.Credentials::passwordHash).orElse(null);
        boolean matches;
        if (hash != null) {
            matches = passwords.verify(password, hash);
        } else {
            passwords.verify(password, decoyHash);
            matches = false;
        }
        if (!matches) {
            sessions.recordLoginFailure(typed, address, now);
            found.ifPresent(credentials -> audit.record(credentials.member().organizationId(), "address:" + address,
                    "user.sign_in_failed", "user:" + credentials.member().id(), Map.of()));
            return new SignInResult.Refused();
        }
        Member member = found.get().member();
        SignedInSession session = new SignedInSession(tokens.next(), member, tokens.next());
        sessions.insert(new StoredSession(Tokens.hash(session.token()), member.id(), session.csrfToken(), now, now));
        audit.record(member.organizationId(), "user:" + member.id(), "user.signed_in", "user:" + member.id(),
                Map.of("address", address));
        // Sign-ins are rare enough to carry the housekeeping: expired sessions and old failures go.
        sessions.pruneLoginFailures(since);
        sessions.deleteExpired(now.minus(IDLE_EXPIRY), now.minus(ABSOLUTE_EXPIRY));
        return new SignInResult.SignedIn(session);
    }

    @Override
    public Optional<SignedInSession> resume(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Optional<StoredSession> stored = sessions.find(hash);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        StoredSession session = stored.get();
        if (session.lastSeenAt().plus(IDLE_EXPIRY).isBefore(now) || session.createdAt().plus(ABSOLUTE_EXPIRY)
                .isBefore(now)) {
            sessions.delete(hash);
            return Optional.empty();
        }
        Optional<Member> member = members.find(session.userId());
        if (member.isEmpty()) {
            sessions.delete(hash);
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            sessions.touch(hash, now);
        }
        return Optional.of(new SignedInSession(token, member.get(), session.csrfToken()));
    }

    @Override
    public void signOut(String token) {
        if (token != null && !token.isEmpty() && token.length() <= 100) {
            String hash = Tokens.hash(token);
            sessions.find(hash).flatMap(session -> members.find(session.userId())).ifPresent(member ->
                    audit.record(member.organizationId(), "user:" + member.id(), "user.signed_out",
                            "user:" + member.id(), Map.of()));
            sessions.delete(hash);
        }
    }

    private static Optional<Email> parse(String typed) {
        try {
            return Optional.of(Email.of(typed));
        } catch (ValidationException notAnEmail) {
            return Optional.empty();
        }
    }
}
