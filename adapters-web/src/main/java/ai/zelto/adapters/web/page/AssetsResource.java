package ai.zelto.adapters.web.page;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** {@code /assets/<name>-<hash>.<ext>}: the console's static files, cached for a year (their URL changes with them). */
@Path("/assets/{file}")
public final class AssetsResource {
    private final Assets assets;

    public AssetsResource(Assets assets) {
        this.assets = assets;
    }

    @GET
    public Response get(@PathParam("file") String file) {
        byte[] bytes = assets.bytes(file);
        if (bytes == null) {
            return Response.status(404).type("text/plain").entity("Not found").build();
        }
        CacheControl forever = new CacheControl();
        forever.setMaxAge(365 * 24 * 3600);
        forever.getCacheExtension().put("immutable", null);
        return Response.ok(bytes).type(Assets.contentType(file)).cacheControl(forever).build();
    }
}
