package ai.zelto.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.shared.ValidationException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentSetupTest {
    private static final Agent FOUND = Agent.found(AgentId.newId(), new OrganizationId(UUID.randomUUID()), "vapi",
            "asst_1", null, Instant.EPOCH, null);

    @Test
    void anAgentIngestionFound_getsAnArchitectureAndAWorker_keepingWhatIngestionOwns() {
        Agent set = FOUND.withSetup("Support", "asst_1", Architecture.PIPELINE, "support-worker", "Be kind.",
                null);
        assertThat(set.provider()).isEqualTo("vapi");
        assertThat(set.id()).isEqualTo(FOUND.id());
        assertThat(set.architecture().isVoice()).isTrue();
        assertThat(set.displayName()).isEqualTo("Support");
    }

    @Test
    void eachBadFieldIsNamed() {
        assertThatThrownBy(() -> FOUND.withSetup(" ", "", Architecture.TEXT, "no spaces allowed", "x",
                "a model"))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.details())
                        .containsOnlyKeys("name", "externalId", "livekitAgentName", "model"));
        assertThat(Agent.check("n", null, "worker.v2:prod-1", null, "meta-llama/Llama-3.1-8B:q4")).isEmpty();
        assertThat(Agent.check("n", null, "-leading-dash", null, null)).containsKey("livekitAgentName");
        assertThat(Architecture.parse("Pipeline")).as("names are lower case").isEmpty();
        assertThat(Architecture.parse("realtime")).contains(Architecture.REALTIME);
    }
}
