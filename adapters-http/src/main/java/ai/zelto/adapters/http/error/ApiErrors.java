package ai.zelto.adapters.http.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The error answers the API gives, built in one place so every body has the same shape. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static Response of(Response.Status status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(error)).build();
    }

    public static Response of(int status, String error, Map<String, ?> details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(error, details))
                .build();
    }

    public static Response validation(Map<String, String> details) {
        return of(400, "Validation failed", details);
    }

    /**
     * {@code 503 {"error": "Service unavailable"}} with {@code Retry-After}: the server cannot take the request
     * now (its database does not answer, or it is at its memory budget) and the client should retry.
     */
    public static Response unavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of("Service unavailable")).build();
    }

    /** Seconds a client is asked to wait before retrying after a 503. */
    public static final String RETRY_AFTER_SECONDS = "5";

    public static Response notFound() {
        return of(Response.Status.NOT_FOUND, "Not found");
    }
}
