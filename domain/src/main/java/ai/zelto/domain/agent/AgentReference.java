package ai.zelto.domain.agent;

import java.util.Objects;

/**
 * How a delivery names its agent: an existing agent's id (which wins), or the caller's external id with an
 * optional name for find-or-create.
 */
public sealed interface AgentReference {
    record ById(AgentId agentId) implements AgentReference {
        public ById {
            Objects.requireNonNull(agentId, "agentId");
        }
    }

    record ByExternalId(String externalId, String name) implements AgentReference {
        public ByExternalId {
            Objects.requireNonNull(externalId, "externalId");
            if (externalId.isEmpty() || externalId.length() > Agent.MAX_EXTERNAL_ID_LENGTH) {
                throw new IllegalArgumentException("agent.externalId is 1 to 255 characters");
            }
        }
    }
}
