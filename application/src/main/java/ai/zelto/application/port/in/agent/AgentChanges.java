package ai.zelto.application.port.in.agent;

import ai.zelto.domain.agent.Architecture;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a {@code PATCH} changes: only the fields in {@code given}; a given field whose value is null is removed
 * (the name cannot be).
 */
public record AgentChanges(Set<Field> given, String name, Architecture architecture, String livekitAgentName,
                           String externalId, String systemPrompt, String model) {
    /** The fields an agent's people may change, by JSON name. */
    public enum Field {
        NAME("name"), ARCHITECTURE("architecture"), LIVEKIT_AGENT_NAME("livekitAgentName"),
        EXTERNAL_ID("externalId"), SYSTEM_PROMPT("systemPrompt"), MODEL("model");

        private final String jsonName;

        Field(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    public AgentChanges {
        given = given.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(given));
    }

    /** The new value when the field is given, else the current one. */
    public <T> T pick(Field field, T newValue, T current) {
        return given.contains(field) ? newValue : current;
    }
}
