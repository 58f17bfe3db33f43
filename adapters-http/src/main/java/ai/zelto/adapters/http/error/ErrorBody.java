package ai.zelto.adapters.http.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The contract's error shape: {@code {"error": "...", "details": {...}}}, details only when there are any. Jersey
 * writes it as any entity; the layers below Jersey (the servlet filter, Jetty's error handler) write it with
 * {@link #toJson()}, so every error body comes from this one record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, Map<String, ?> details) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ErrorBody of(String error) {
        return new ErrorBody(error, null);
    }

    public static ErrorBody of(String error, Map<String, ?> details) {
        return new ErrorBody(error, details);
    }

    /** The body for an error answered by status alone: its standard reason phrase, never a server's detail. */
    public static ErrorBody ofStatus(int status) {
        String reason = HttpStatus.getMessage(status);
        return of(reason == null || reason.isBlank() ? "HTTP " + status : reason);
    }

    /** The body as UTF-8 JSON, for the layers that write bytes themselves. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("an error body of strings always serializes", impossible);
        }
    }
}
