package ai.zelto.adapters.http.agent;

import ai.zelto.application.port.in.agent.AgentChanges.Field;
import ai.zelto.domain.agent.Architecture;
import ai.zelto.domain.shared.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON of an agent's editable fields: each a string or null, the architecture one of its names; unknown
 * fields are refused, one message per offending field.
 */
final class AgentBody {
    private final Map<Field, String> values;

    private AgentBody(Map<Field, String> values) {
        this.values = values;
    }

    static AgentBody read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ValidationException.of("$", "must be a JSON object with name, architecture, livekitAgentName,"
                    + " externalId, systemPrompt and model");
        }
        Map<Field, String> values = new EnumMap<>(Field.class);
        Map<String, String> errors = new LinkedHashMap<>();
        body.fields().forEachRemaining(entry -> {
            Optional<Field> field = Arrays.stream(Field.values())
                    .filter(candidate -> candidate.jsonName().equals(entry.getKey())).findFirst();
            JsonNode value = entry.getValue();
            if (field.isEmpty()) {
                errors.put(entry.getKey(), "is not a field of an agent; its fields: name, architecture,"
                        + " livekitAgentName, externalId, systemPrompt, model");
            } else if (!value.isNull() && !value.isTextual()) {
                errors.put(entry.getKey(), "must be a string or null");
            } else if (field.get() == Field.ARCHITECTURE && value.isTextual()
                    && Architecture.parse(value.textValue()).isEmpty()) {
                errors.put(entry.getKey(), "must be one of " + Architecture.names());
            } else {
                values.put(field.get(), value.isNull() ? null : value.textValue());
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AgentBody(values);
    }

    Set<Field> given() {
        return values.isEmpty() ? Set.of() : EnumSet.copyOf(values.keySet());
    }

    String text(Field field) {
        return values.get(field);
    }

    Architecture architecture() {
        String name = values.get(Field.ARCHITECTURE);
        return name == null ? null : Architecture.parse(name).orElseThrow();
    }
}
