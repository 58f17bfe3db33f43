package ai.zelto.adapters.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Breaks "a JAX-RS resource is named XxxResource", for the rule's canary. Never used. */
@Path("/canary")
public final class CanaryEndpoint {
    @GET
    public String get() {
        return "canary";
    }
}
