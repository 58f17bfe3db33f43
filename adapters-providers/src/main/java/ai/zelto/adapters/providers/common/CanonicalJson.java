package ai.zelto.adapters.providers.common;

import ai.zelto.application.spi.provider.CanonicalCall;
import ai.zelto.application.spi.provider.CanonicalTurn;
import ai.zelto.application.spi.provider.JsonLimits;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.application.spi.provider.Translation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads Zelto's canonical call shape (CONTRACT §2). Every offending field is reported, keyed by its JSON path
 * ({@code call.externalId}, {@code transcript.turns[3].role}); an explicit {@code null} is the same as an absent
 * field; unknown fields are ignored. Duplicate keys make the body invalid JSON: which value would win is
 * ambiguous, so nothing is guessed.
 */
public final class CanonicalJson {
    /**
     * Parses numbers exactly: integers as {@code Long}/{@code BigInteger}, decimals as {@code BigDecimal}; refuses a
     * body over the {@link JsonLimits}, which bound what its tree can cost in memory.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(new Limits())
            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static final int MAX_ID_LENGTH = 255;
    static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(1_000_000_000L);
    static final BigDecimal MAX_COST = BigDecimal.valueOf(1_000_000_000_000L);

    private CanonicalJson() {
    }

    /**
     * Parses the body as JSON.
     *
     * @throws Unparsable when it is not one JSON document, or holds more than {@link JsonLimits} allow
     */
    public static JsonNode parse(RawDelivery delivery) throws Unparsable {
        try {
            JsonNode node = MAPPER.readTree(delivery.bodyStream());
            if (node == null || node.isMissingNode()) {
                throw new Unparsable(Translation.Rejected.malformed());
            }
            return node;
        } catch (TooManyTokens tooMany) {
            throw new Unparsable(Translation.Rejected.tooLarge(
                    "holds more than " + JsonLimits.MAX_TOKENS + " JSON tokens (braces, brackets, names and values)"));
        } catch (IOException notJson) {
            throw new Unparsable(Translation.Rejected.malformed());
        }
    }

    /** The body cannot be read as JSON; {@link #rejection()} says how to answer. */
    public static final class Unparsable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Translation.Rejected rejection;

        Unparsable(Translation.Rejected rejection) {
            super(null, null, false, false);
            this.rejection = rejection;
        }

        public Translation.Rejected rejection() {
            return rejection;
        }
    }

    /** Jackson's limits, with the token count and nesting of {@link JsonLimits}; too many tokens is told apart. */
    private static final class Limits extends StreamReadConstraints {
        private static final long serialVersionUID = 1L;

        Limits() {
            super(JsonLimits.MAX_NESTING_DEPTH, defaults().getMaxDocumentLength(), defaults().getMaxNumberLength(),
                    defaults().getMaxStringLength(), defaults().getMaxNameLength(), JsonLimits.MAX_TOKENS);
        }

        @Override
        public void validateTokenCount(long count) throws StreamConstraintsException {
            if (count > getMaxTokenCount()) {
                throw new TooManyTokens();
            }
        }
    }

    private static final class TooManyTokens extends StreamConstraintsException {
        private static final long serialVersionUID = 1L;

        TooManyTokens() {
            super("too many tokens");
        }
    }

    /** Translates a canonical body. */
    public static Translation translate(RawDelivery delivery) {
        try {
            return translate(parse(delivery));
        } catch (Unparsable unparsable) {
            return unparsable.rejection();
        }
    }

    static Translation translate(JsonNode root) {
        Fields f = new Fields();
        if (!root.isObject()) {
            f.error("$", "must be a JSON object");
            return f.rejection();
        }
        JsonNode call = f.object(root, "call", true);
        String externalId = null;
        CanonicalCall.Builder builder = null;
        if (call != null) {
            externalId = f.text(call, "call.externalId", "externalId", true, 1, MAX_ID_LENGTH);
        }
        String agentId = f.uuid(root, "agentId");
        JsonNode agent = f.object(root, "agent", false);
        String agentExternalId = null;
        String agentName = null;
        if (agent != null) {
            agentExternalId = f.text(agent, "agent.externalId", "externalId", agentId == null, 1, MAX_ID_LENGTH);
            agentName = f.text(agent, "agent.name", "name", false, 0, Integer.MAX_VALUE);
        } else if (agentId == null && !f.has("agentId")) {
            f.error("agent", "is required unless agentId is given");
        }
        if (externalId != null) {
            builder = CanonicalCall.builder(externalId);
        } else {
            builder = CanonicalCall.builder("");
        }
        if (call != null) {
            builder.startedAt(f.instant(call, "call.startedAt", "startedAt"))
                    .endedAt(f.instant(call, "call.endedAt", "endedAt"))
                    .durationSeconds(f.number(call, "call.durationSeconds", "durationSeconds", MAX_SECONDS))
                    .endedReason(f.text(call, "call.endedReason", "endedReason", false, 0, Integer.MAX_VALUE))
                    .cost(f.number(call, "call.cost", "cost", MAX_COST))
                    .recordingUrl(f.url(call, "call.recordingUrl", "recordingUrl"));
            JsonNode customer = f.object(call, "call.customer", "customer", false);
            if (customer != null) {
                builder.customerNumber(f.text(customer, "call.customer.number", "number", false, 0, Integer.MAX_VALUE))
                        .customerName(f.text(customer, "call.customer.name", "name", false, 0, Integer.MAX_VALUE));
            }
        }
        builder.agentId(agentId)
                .agentExternalId(agentExternalId)
                .agentName(agentName)
                .version(f.text(root, "version", "version", false, 1, MAX_ID_LENGTH))
                .systemPrompt(f.text(root, "systemPrompt", "systemPrompt", false, 0, Integer.MAX_VALUE))
                .turns(turns(f, root));
        JsonNode metadata = f.object(root, "metadata", false);
        if (metadata != null) {
            builder.metadata(JsonValues.toObject(metadata));
        }
        if (f.hasErrors()) {
            return f.rejection();
        }
        return new Translation.Accepted(builder.build());
    }

    private static List<CanonicalTurn> turns(Fields f, JsonNode root) {
        JsonNode transcript = f.object(root, "transcript", false);
        if (transcript == null) {
            return null;
        }
        JsonNode turns = transcript.get("turns");
        if (turns == null || turns.isNull()) {
            return null;
        }
        if (!turns.isArray()) {
            f.error("transcript.turns", "must be an array");
            return null;
        }
        List<CanonicalTurn> result = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            String path = "transcript.turns[" + i + "]";
            JsonNode turn = turns.get(i);
            if (!turn.isObject()) {
                f.error(path, "must be an object");
                continue;
            }
            CanonicalTurn.Speaker speaker = speaker(f, turn, path + ".role");
            String text = f.text(turn, path + ".text", "text", false, 0, Integer.MAX_VALUE);
            if (text == null) {
                text = f.text(turn, path + ".content", "content", false, 0, Integer.MAX_VALUE);
            }
            BigDecimal start = f.number(turn, path + ".startSeconds", "startSeconds", MAX_SECONDS);
            BigDecimal end = f.number(turn, path + ".endSeconds", "endSeconds", MAX_SECONDS);
            if (speaker != null) {
                result.add(new CanonicalTurn(speaker, text, start == null ? null : start.doubleValue(),
                        end == null ? null : end.doubleValue()));
            }
        }
        return result;
    }

    private static CanonicalTurn.Speaker speaker(Fields f, JsonNode turn, String path) {
        JsonNode role = turn.get("role");
        if (role == null || role.isNull()) {
            f.error(path, "is required: one of user, assistant, system, tool");
            return null;
        }
        if (role.isTextual()) {
            switch (role.textValue()) {
                case "user": return CanonicalTurn.Speaker.USER;
                case "assistant": return CanonicalTurn.Speaker.ASSISTANT;
                case "system": return CanonicalTurn.Speaker.SYSTEM;
                case "tool": return CanonicalTurn.Speaker.TOOL;
                default: break;
            }
        }
        f.error(path, "must be one of user, assistant, system, tool");
        return null;
    }

    /** At most this many field errors are reported; a hostile body must not make a huge answer. */
    static final int MAX_ERRORS = 100;

    /** Reads fields and collects the errors, in document order (the first {@value #MAX_ERRORS}, then a count). */
    static final class Fields {
        private final Map<String, String> errors = new LinkedHashMap<>();
        private final java.util.Set<String> present = new java.util.HashSet<>();
        private int more;

        void error(String path, String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.putIfAbsent(path, message);
            } else if (!errors.containsKey(path)) {
                more++;
            }
        }

        boolean hasErrors() {
            return !errors.isEmpty();
        }

        boolean has(String path) {
            return present.contains(path);
        }

        Translation rejection() {
            if (more == 0) {
                return Translation.Rejected.invalid(errors);
            }
            Map<String, String> capped = new LinkedHashMap<>(errors);
            capped.put("…", more + " more fields are invalid");
            return Translation.Rejected.invalid(capped);
        }

        private JsonNode value(JsonNode parent, String path, String name) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            present.add(path);
            return node;
        }

        JsonNode object(JsonNode parent, String name, boolean required) {
            return object(parent, name, name, required);
        }

        JsonNode object(JsonNode parent, String path, String name, boolean required) {
            JsonNode node = value(parent, path, name);
            if (node == null) {
                if (required) {
                    error(path, "is required");
                }
                return null;
            }
            if (!node.isObject()) {
                error(path, "must be an object");
                return null;
            }
            return node;
        }

        String text(JsonNode parent, String path, String name, boolean required, int min, int max) {
            JsonNode node = value(parent, path, name);
            if (node == null) {
                if (required) {
                    error(path, "is required");
                }
                return null;
            }
            if (!node.isTextual()) {
                error(path, "must be a string");
                return null;
            }
            String text = node.textValue();
            int length = text.codePointCount(0, text.length());
            if (length < min || length > max) {
                error(path, min == max ? "must be " + min + " characters"
                        : "must be " + min + " to " + max + " characters");
                return null;
            }
            return text;
        }

        String uuid(JsonNode parent, String name) {
            String text = text(parent, name, name, false, 0, Integer.MAX_VALUE);
            if (text == null) {
                return null;
            }
            try {
                if (text.length() == 36) {
                    return UUID.fromString(text).toString();
                }
            } catch (IllegalArgumentException notUuid) {
                // reported below
            }
            error(name, "must be a UUID");
            return null;
        }

        Instant instant(JsonNode parent, String path, String name) {
            String text = text(parent, path, name, false, 0, Integer.MAX_VALUE);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notIso) {
                error(path, "must be an ISO-8601 date-time with an offset, e.g. 2024-05-01T12:00:00Z");
                return null;
            }
        }

        BigDecimal number(JsonNode parent, String path, String name, BigDecimal max) {
            JsonNode node = value(parent, path, name);
            if (node == null) {
                return null;
            }
            if (!node.isNumber()) {
                error(path, "must be a number");
                return null;
            }
            BigDecimal number = node.decimalValue();
            if (number.signum() < 0 || number.compareTo(max) > 0) {
                error(path, "must be between 0 and " + max.toPlainString());
                return null;
            }
            return number.signum() == 0 ? BigDecimal.ZERO : number;
        }

        String url(JsonNode parent, String path, String name) {
            String text = text(parent, path, name, false, 0, 2048);
            if (text == null) {
                return null;
            }
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return text;
                }
            } catch (URISyntaxException notUri) {
                // reported below
            }
            error(path, "must be an http or https URL");
            return null;
        }
    }
}
