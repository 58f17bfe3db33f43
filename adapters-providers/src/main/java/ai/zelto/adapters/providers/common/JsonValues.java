package ai.zelto.adapters.providers.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts a JSON tree to the plain Java values the SPI's metadata uses. */
public final class JsonValues {
    private JsonValues() {
    }

    public static Map<String, Object> toObject(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> map.put(field.getKey(), toValue(field.getValue())));
        return map;
    }

    public static Object toValue(JsonNode node) {
        if (node.isObject()) {
            return toObject(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toValue(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return null;
    }
}
