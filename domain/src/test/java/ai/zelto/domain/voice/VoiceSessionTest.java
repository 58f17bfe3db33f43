package ai.zelto.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VoiceSessionTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00.123Z");

    private static VoiceSession session() {
        return VoiceSession.create(new OrganizationId(UUID.randomUUID()), AgentId.newId(), UserId.newId(), NOW);
    }

    @Test
    void theRoomIsNamedAsTheProductDocuments() {
        VoiceSession session = session();
        assertThat(session.roomName()).isEqualTo("agent_" + session.agentId() + "_" + session.userId() + "_"
                + NOW.toEpochMilli());
        assertThat(session.status()).isEqualTo(VoiceSession.Status.CREATED);
    }

    @Test
    void aSessionIsOpenUntilItEnds_orUntilItsTokenExpiredWithoutTheRoomStarting() {
        VoiceSession created = session();
        assertThat(created.isOpen(NOW.plusSeconds(3599))).isTrue();
        assertThat(created.isOpen(NOW.plusSeconds(3600))).as("nobody can join any more").isFalse();
        VoiceSession active = new VoiceSession(created.roomName(), created.organizationId(), created.agentId(),
                created.userId(), VoiceSession.Status.ACTIVE, NOW, NOW.plusSeconds(5), null);
        assertThat(active.isOpen(NOW.plusSeconds(7200))).as("a long call is still open").isTrue();
        VoiceSession ended = new VoiceSession(created.roomName(), created.organizationId(), created.agentId(),
                created.userId(), VoiceSession.Status.ENDED, NOW, NOW.plusSeconds(5), NOW.plusSeconds(60));
        assertThat(ended.isOpen(NOW.plusSeconds(61))).isFalse();
    }
}
