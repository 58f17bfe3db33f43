package ai.zelto.adapters.mcp;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A tool call's arguments, read strictly: unknown names and wrong types are {@link ToolError}s with a hint. */
final class Arguments {
    private final Map<String, Object> values;

    Arguments(Map<String, Object> values, Set<String> known) {
        this.values = values == null ? Map.of() : values;
        for (String name : this.values.keySet()) {
            if (!known.contains(name)) {
                throw new ToolError("unknown argument '" + name + "'; this tool takes " + known);
            }
        }
    }

    String text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new ToolError("'" + name + "' must be a string");
        }
        return text.isEmpty() ? null : text;
    }

    /** A list of strings, or an empty list when not given. */
    List<String> texts(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new ToolError("'" + name + "' must be an array of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A required string. */
    String required(String name) {
        String text = text(name);
        if (text == null) {
            throw new ToolError("'" + name + "' is required");
        }
        return text;
    }

    int integer(String name, int defaultValue, int min, int max) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new ToolError("'" + name + "' must be a whole number from " + min + " to " + max);
        }
        long whole = number.longValue();
        if (whole < min || whole > max) {
            throw new ToolError("'" + name + "' must be from " + min + " to " + max + "; it was " + whole);
        }
        return (int) whole;
    }

    /** An ISO-8601 instant ({@code 2026-11-25T00:00:00Z}), or null when not given. */
    Instant instant(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException wrong) {
            throw new ToolError("'" + name + "' must be an ISO-8601 time in UTC such as 2026-11-25T00:00:00Z; it was '"
                    + text + "'");
        }
    }
}
