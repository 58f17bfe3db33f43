package ai.zelto.adapters.http.error;

import ai.zelto.application.failure.StorageFailure;
import ai.zelto.domain.shared.DomainException;
import ai.zelto.domain.shared.ValidationException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception that reaches Jersey into the contract's JSON error body. Business refusals answer by
 * their category; a storage failure (the database does not answer, or another transaction got in the way) is a
 * 503 with {@code Retry-After}, nothing having been stored; framework errors keep their status with a plain
 * reason; anything unexpected is a 500 whose body says nothing about the cause (the log has it, under an id the
 * body gives).
 */
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof ValidationException invalid) {
            return ApiErrors.validation(invalid.details());
        }
        if (exception instanceof DomainException refused) {
            return switch (refused.category()) {
                case INVALID -> ApiErrors.of(Response.Status.BAD_REQUEST, refused.getMessage());
                case NOT_FOUND -> ApiErrors.notFound();
                case PAYMENT_REQUIRED -> ApiErrors.of(402, refused.getMessage(), null);
                case CONFLICT -> ApiErrors.of(Response.Status.CONFLICT, refused.getMessage());
                case FORBIDDEN -> ApiErrors.of(Response.Status.FORBIDDEN, refused.getMessage());
                case LIMIT_REACHED -> ApiErrors.of(429, refused.getMessage(), null);
                case DEPENDENCY_FAILED -> ApiErrors.of(500, refused.getMessage(), null);
            };
        }
        if (exception instanceof JsonMappingException wrongShape) {
            return ApiErrors.validation(Map.of(path(wrongShape), "is missing or of the wrong type"));
        }
        if (exception instanceof JacksonException notJson) {
            return ApiErrors.of(Response.Status.BAD_REQUEST, "Invalid JSON");
        }
        if (exception instanceof WebApplicationException web) {
            if (web.getResponse().getEntity() instanceof ErrorBody) {
                return web.getResponse();
            }
            int status = web.getResponse().getStatus();
            if (status >= 500) {
                LOG.error("request failed", exception);
            }
            Response.StatusType type = Response.Status.fromStatusCode(status);
            return ApiErrors.of(status, reason(status, type), null);
        }
        Optional<StorageFailure> storage = StorageFailure.in(exception);
        if (storage.isPresent()) {
            LOG.warn("the database could not serve a request ({}): {}", storage.get().getClass().getSimpleName(),
                    storage.get().getMessage());
            return ApiErrors.unavailable();
        }
        String errorId = Long.toHexString(System.nanoTime());
        LOG.error("unexpected error {}", errorId, exception);
        return ApiErrors.of(500, "Internal server error", Map.of("errorId", errorId));
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
