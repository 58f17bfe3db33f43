package ai.zelto.adapters.web.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** What the console answers its own pages' scripts (the talk and chat pages): a small JSON object. */
public final class ScriptAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptAnswers() {
    }

    /** {@code body} as JSON, with this status. */
    public static Response json(int status, Map<String, String> body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                    .entity(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
