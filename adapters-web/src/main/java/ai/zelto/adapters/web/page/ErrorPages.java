package ai.zelto.adapters.web.page;

import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.domain.shared.DomainException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Pages that say what went wrong in words, with the layout around them; never a stack trace. */
public final class ErrorPages {
    private final Layout layout;

    /** The error page's model. */
    public record ErrorView(Chrome chrome, int status, String heading, String message) {
    }

    /**
     * The status a page answers a refusal with, when it shows the refusal itself (a form with its error): the API's,
     * but 502 for a service Zelto depends on (the console is a gateway to it).
     */
    public static int status(DomainException refused) {
        return switch (refused.category()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case PAYMENT_REQUIRED -> 402;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case LIMIT_REACHED -> 429;
            case DEPENDENCY_FAILED -> 502;
        };
    }

    public ErrorPages(Layout layout) {
        this.layout = layout;
    }

    public Response page(ContainerRequestContext request, int status, String heading, String message) {
        return page(Visitor.find(request::getProperty), status, heading, message);
    }

    /** @param visitor the visitor when the session filter ran before the failure, else empty */
    public Response page(Optional<Visitor> visitor, int status, String heading, String message) {
        Chrome chrome = visitor.map(known -> layout.chrome(known, heading, ""))
                .orElseGet(() -> new Chrome(heading, "", null, "", layout.assets()));
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(new Page("error.jte", new ErrorView(chrome, status, heading, message))).build();
    }
}
