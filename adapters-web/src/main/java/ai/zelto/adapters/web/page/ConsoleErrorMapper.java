package ai.zelto.adapters.web.page;

import ai.zelto.adapters.web.session.CsrfRefused;
import ai.zelto.adapters.web.session.SignInRequired;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.failure.StorageFailure;
import ai.zelto.domain.shared.DomainException;
import ai.zelto.domain.shared.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a console request as a page that says what happened in words: the sign-in page when a session
 * is needed (coming back afterwards), 403 for a role that may not, 404 for what is not there or not the visitor's
 * organization's (the same page: another org's ids are indistinguishable from none), 503 while the database does
 * not answer, 500 otherwise, logged here and never shown.
 */
public final class ConsoleErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrorMapper.class);

    private final ErrorPages pages;
    @Context
    private HttpServletRequest request;

    public ConsoleErrorMapper(ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    public Response toResponse(Throwable failure) {
        Optional<Visitor> visitor = request == null ? Optional.empty() : Visitor.find(request::getAttribute);
        if (failure instanceof SignInRequired) {
            return Response.seeOther(URI.create("/login?next="
                    + URLEncoder.encode(comingBack(), StandardCharsets.UTF_8))).build();
        }
        if (failure instanceof CsrfRefused refused) {
            return pages.page(visitor, 403, "This form has expired", refused.getMessage());
        }
        if (failure instanceof FormBodyLimit.FormTooLarge) {
            return pages.page(visitor, 413, "That is too much to send", "A form may send at most 2 MiB; the longest"
                    + " text a field takes, an agent's system prompt, is 100,000 characters. Go back, shorten what you"
                    + " pasted and send it again.");
        }
        if (failure instanceof ValidationException invalid) {
            return pages.page(visitor, 400, "That did not work", String.join(" ", invalid.details().entrySet().stream()
                    .map(detail -> detail.getKey() + ": " + detail.getValue() + ".").toList()));
        }
        if (failure instanceof DomainException refused) {
            return switch (refused.category()) {
                case NOT_FOUND -> notFound(visitor);
                case FORBIDDEN -> pages.page(visitor, 403, "Not allowed", refused.getMessage());
                case INVALID, CONFLICT, PAYMENT_REQUIRED -> pages.page(visitor, refused.category()
                        == DomainException.Category.CONFLICT ? 409 : 400, "That did not work", refused.getMessage());
                case LIMIT_REACHED -> pages.page(visitor, 429, "Too many at once", refused.getMessage());
                case DEPENDENCY_FAILED -> pages.page(visitor, 502, "A service did not answer", refused.getMessage());
            };
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 404) {
                return notFound(visitor);
            }
            if (status == 405) {
                return pages.page(visitor, 405, "Not here", "This page does not take that kind of request.");
            }
            if (status < 500) {
                return pages.page(visitor, status, "That did not work", "The request could not be understood.");
            }
        }
        if (StorageFailure.in(failure).filter(StorageFailure.Unavailable.class::isInstance).isPresent()) {
            return pages.page(visitor, 503, "Zelto cannot reach its database",
                    "Nothing was lost. Try again in a moment; if it lasts, tell whoever runs this Zelto.");
        }
        LOG.error("console request failed", failure);
        return pages.page(visitor, 500, "Something went wrong on our side",
                "It has been logged. Try again; if it happens again, tell whoever runs this Zelto.");
    }

    private Response notFound(Optional<Visitor> visitor) {
        return pages.page(visitor, 404, "Not found",
                "There is nothing here, or it belongs to another organization.");
    }

    /** Where to come back after sign-in: this page for a GET, else the list. Always a path of this server. */
    private String comingBack() {
        if (request == null || !"GET".equals(request.getMethod())) {
            return "/conversations";
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
