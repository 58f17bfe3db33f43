package ai.zelto.adapters.http.error;

import ai.zelto.domain.shared.DomainException;
import ai.zelto.domain.shared.ValidationException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception that reaches Jersey into the contract's JSON error body. Framework errors keep their
 * status with a plain reason; anything unexpected is a 500 whose body says nothing about the cause (the log
 * has it, under an id the body gives).
 */
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof ValidationException invalid) {
            return ApiErrors.validation(invalid.details());
        }
        if (exception instanceof DomainException refused && refused.code().equals("unknown_provider")) {
            return ApiErrors.notFound();
        }
        if (exception instanceof DomainException refused) {
            return ApiErrors.of(Response.Status.BAD_REQUEST, refused.getMessage());
        }
        if (exception instanceof JsonMappingException wrongShape) {
            return ApiErrors.validation(java.util.Map.of(path(wrongShape), "is missing or of the wrong type"));
        }
        if (exception instanceof JacksonException notJson) {
            return ApiErrors.of(Response.Status.BAD_REQUEST, "Invalid JSON");
        }
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status >= 500) {
                LOG.error("request failed", exception);
            }
            Response.StatusType type = Response.Status.fromStatusCode(status);
            return ApiErrors.of(status, reason(status, type), null);
        }
        if (isStorageUnavailable(exception)) {
            LOG.warn("the database is unreachable: {}", rootMessage(exception));
            return ApiErrors.unavailable();
        }
        String errorId = Long.toHexString(System.nanoTime());
        LOG.error("unexpected error {}", errorId, exception);
        return ApiErrors.of(500, "Internal server error", java.util.Map.of("errorId", errorId));
    }

    /**
     * Whether the failure is the database being unreachable: a connection-class SQL state (08…), an operator
     * shutdown (57P…), or the connection pool giving up. Nothing was stored, so the client should retry.
     */
    static boolean isStorageUnavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (sql instanceof java.sql.SQLTransientConnectionException) {
                    return true;
                }
            }
            if (cause instanceof java.net.ConnectException || cause.getClass().getName().endsWith("PoolExhaustedException")) {
                return true;
            }
        }
        return false;
    }

    /** The JSON path of the field a request body could not be read into, as {@code a.b[2].c}; {@code $} for the root. */
    static String path(JsonMappingException wrongShape) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : wrongShape.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String reason(int status, Response.StatusType type) {
        if (status == 413) {
            return "Payload too large";
        }
        if (status == 401) {
            return "Unauthorized";
        }
        return type != null ? type.getReasonPhrase() : "HTTP " + status;
    }
}
