package ai.zelto.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.out.WebSessionRepository.StoredSession;
import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link WebSessionRepository} does. */
public abstract class WebSessionRepositoryContract extends PortContract {
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private UserId user;

    @BeforeEach
    void aMember() {
        user = UserId.newId();
        ports.members().insert(new Member(user, org, null, "Ana", Role.MEMBER, false, now));
    }

    private StoredSession session(Instant createdAt, Instant lastSeenAt) {
        return new StoredSession("hash-" + UUID.randomUUID(), user, "csrf", createdAt, lastSeenAt);
    }

    @Test
    void aSession_isFoundByItsHash_touched_andDeleted() {
        StoredSession session = session(now, now);
        ports.webSessions().insert(session);
        assertThat(ports.webSessions().find(session.tokenHash())).contains(session);
        ports.webSessions().touch(session.tokenHash(), now.plusSeconds(90));
        ports.webSessions().touch(session.tokenHash(), now.plusSeconds(30));
        assertThat(ports.webSessions().find(session.tokenHash()).orElseThrow().lastSeenAt())
                .isEqualTo(now.plusSeconds(90));
        ports.webSessions().delete(session.tokenHash());
        assertThat(ports.webSessions().find(session.tokenHash())).isEmpty();
    }

    @Test
    void allSessionsOfAPerson_end_together() {
        StoredSession one = session(now, now);
        StoredSession two = session(now, now);
        ports.webSessions().insert(one);
        ports.webSessions().insert(two);
        ports.webSessions().deleteAllOf(user);
        assertThat(ports.webSessions().find(one.tokenHash())).isEmpty();
        assertThat(ports.webSessions().find(two.tokenHash())).isEmpty();
    }

    @Test
    void expiredSessions_areDeleted_byIdleTimeOrAge() {
        StoredSession idle = session(now.minusSeconds(100), now.minusSeconds(50));
        StoredSession old = session(now.minusSeconds(1000), now);
        StoredSession live = session(now.minusSeconds(100), now);
        ports.webSessions().insert(idle);
        ports.webSessions().insert(old);
        ports.webSessions().insert(live);
        ports.webSessions().deleteExpired(now.minusSeconds(10), now.minusSeconds(500));
        assertThat(ports.webSessions().find(idle.tokenHash())).isEmpty();
        assertThat(ports.webSessions().find(old.tokenHash())).isEmpty();
        assertThat(ports.webSessions().find(live.tokenHash())).isPresent();
    }

    @Test
    void failedSignIns_areCountedPerEmailAndAddress_withinTheWindow() {
        String email = "f-" + UUID.randomUUID() + "@example.com";
        String address = "203.0.113." + (int) (Math.random() * 250);
        String otherAddress = "198.51.100." + UUID.randomUUID();
        ports.webSessions().recordLoginFailure(email, address, now.minusSeconds(120));
        ports.webSessions().recordLoginFailure(email, otherAddress, now);
        assertThat(ports.webSessions().loginFailuresForEmail(email, now.minusSeconds(60))).isEqualTo(1);
        assertThat(ports.webSessions().loginFailuresForEmail(email, now.minusSeconds(600))).isEqualTo(2);
        assertThat(ports.webSessions().loginFailuresFromAddress(otherAddress, now.minusSeconds(600))).isEqualTo(1);
        ports.webSessions().pruneLoginFailures(now.minusSeconds(60));
        assertThat(ports.webSessions().loginFailuresForEmail(email, now.minusSeconds(600))).isEqualTo(1);
    }
}
