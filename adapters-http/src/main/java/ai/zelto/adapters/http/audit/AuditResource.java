package ai.zelto.adapters.http.audit;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.Json;
import ai.zelto.adapters.http.common.QueryParams;
import ai.zelto.application.port.in.audit.ListAuditUseCase;
import ai.zelto.domain.audit.AuditChain;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/audit}: the organization's audit entries, newest first, with their chain hashes. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    private final ListAuditUseCase audit;

    public AuditResource(ListAuditUseCase audit) {
        this.audit = audit;
    }

    public record EntryResponse(long id, String at, String actor, String action, String target,
                                Map<String, String> details, String hash) {
        static EntryResponse from(AuditChain.Link link) {
            return new EntryResponse(link.id(), Json.time(link.entry().at()), link.entry().actor(),
                    link.entry().action(), link.entry().target(), link.entry().details(), link.hash());
        }
    }

    @GET
    public Map<String, List<EntryResponse>> list(@Auth ApiKeyPrincipal caller, @QueryParam("limit") String limit,
                                                  @Context UriInfo uri) {
        QueryParams.only(uri.getQueryParameters(), "limit");
        QueryParams params = new QueryParams();
        int size = params.integer("limit", limit, 100, 1, 1000);
        params.check();
        return Map.of("data", audit.listAudit(caller.organizationId(), size).stream().map(EntryResponse::from).toList());
    }
}
