package ai.zelto.adapters.persistence;

import ai.zelto.domain.conversation.Role;
import ai.zelto.domain.conversation.TranscriptTurn;
import ai.zelto.domain.shared.StorableText;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON written to and read from jsonb columns. Numbers read back as {@code Long}, {@code BigInteger} or
 * {@code BigDecimal}, the same types the providers' parsers produce, so stored metadata equals what came in.
 * Strings, names included, are written as {@link StorableText}: jsonb refuses {@code \u0000}.
 */
final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .registerModule(new SimpleModule("storable-text")
                    .addSerializer(String.class, new StdSerializer<>(String.class) {
                        @Override
                        public void serialize(String value, JsonGenerator json, SerializerProvider provider)
                                throws java.io.IOException {
                            json.writeString(StorableText.of(value));
                        }
                    })
                    .addKeySerializer(String.class, new StdSerializer<>(String.class) {
                        @Override
                        public void serialize(String value, JsonGenerator json, SerializerProvider provider)
                                throws java.io.IOException {
                            json.writeFieldName(StorableText.of(value));
                        }
                    }));
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, List<String>>> HEADERS = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    static String object(Map<String, ?> value) {
        return write(value == null ? Map.of() : value);
    }

    static Map<String, Object> object(String json) {
        return read(json, OBJECT);
    }

    static Map<String, List<String>> headers(String json) {
        return read(json, HEADERS);
    }

    static String transcript(List<TranscriptTurn> turns) {
        ArrayNode array = MAPPER.createArrayNode();
        for (TranscriptTurn turn : turns) {
            ObjectNode node = array.addObject();
            node.put("role", turn.role().wireName());
            node.put("text", turn.text());
            if (turn.startSeconds() != null) {
                node.put("startSeconds", turn.startSeconds());
            }
            if (turn.endSeconds() != null) {
                node.put("endSeconds", turn.endSeconds());
            }
        }
        return write(array);
    }

    static List<TranscriptTurn> transcript(String json) {
        try {
            JsonNode array = MAPPER.readTree(json);
            List<TranscriptTurn> turns = new ArrayList<>(array.size());
            for (JsonNode node : array) {
                turns.add(new TranscriptTurn(Role.fromWireName(node.get("role").asText()).orElseThrow(),
                        node.get("text").asText(), seconds(node.get("startSeconds")), seconds(node.get("endSeconds"))));
            }
            return turns;
        } catch (JsonProcessingException corrupt) {
            throw new UncheckedIOException("a stored transcript is not valid JSON", corrupt);
        }
    }

    private static Double seconds(JsonNode node) {
        return node == null || node.isNull() ? null : node.doubleValue();
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException("plain maps, lists and scalars always serialize", impossible);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException corrupt) {
            throw new UncheckedIOException("a stored JSON column is not valid JSON", corrupt);
        }
    }
}
