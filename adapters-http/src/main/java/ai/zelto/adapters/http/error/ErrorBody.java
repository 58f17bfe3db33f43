package ai.zelto.adapters.http.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The contract's error shape: {@code {"error": "...", "details": {...}}}, details only when there are any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, Map<String, ?> details) {
    public static ErrorBody of(String error) {
        return new ErrorBody(error, null);
    }

    public static ErrorBody of(String error, Map<String, ?> details) {
        return new ErrorBody(error, details);
    }
}
