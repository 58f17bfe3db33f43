package ai.zelto.adapters.web.reference;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;

/**
 * {@code /reference}: the API reference, rendered in the browser from {@code /openapi.json} by Swagger UI, served
 * from its WebJar in the jar (no CDN; its validator badge, which would send the document to swagger.io, is off).
 * Its "Try it out" sends real requests to this server with a key the person pastes under Authorize; the key stays
 * in that page's memory only.
 */
@Path("/reference")
@Produces(Page.HTML)
public final class ReferencePageResource {
    private final Layout layout;

    public record ReferenceView(Chrome chrome) {
    }

    public ReferencePageResource(Layout layout) {
        this.layout = layout;
    }

    @GET
    public Page show(@Context ContainerRequestContext request) {
        return new Page("reference.jte", new ReferenceView(layout.chrome(Visitor.of(request), "API reference",
                "reference")));
    }
}
