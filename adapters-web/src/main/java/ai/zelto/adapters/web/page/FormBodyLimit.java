package ai.zelto.adapters.web.page;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A cap on what a console request may send: at most {@link #MAX_BYTES}, else a 413 page, before anything is read
 * into a form (the CSRF check reads the form, so this runs before it; after the session, so that the page keeps
 * the visitor's navigation). The largest form the console has is an agent's, whose system prompt is at most
 * 100,000 characters: under 1 MB even with every character percent-encoded as three UTF-8 bytes. Without the cap,
 * anyone could make the server hold a form of any size in memory, signed in or not.
 */
@Priority(Priorities.AUTHORIZATION - 1)
public final class FormBodyLimit implements ContainerRequestFilter {
    /** 2 MiB, as the API's cap on its JSON bodies. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        if (request.getLength() > MAX_BYTES) {
            throw new FormTooLarge();
        }
        byte[] body = request.getEntityStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new FormTooLarge();
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    /** A console request over {@link #MAX_BYTES}; nothing of it was read into a form or acted on. */
    static final class FormTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FormTooLarge() {
            super("over " + MAX_BYTES + " bytes", null, false, false);
        }
    }
}
