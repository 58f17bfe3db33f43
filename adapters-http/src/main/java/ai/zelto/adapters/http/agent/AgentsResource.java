package ai.zelto.adapters.http.agent;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.QueryParams;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.port.in.agent.ListAgentsUseCase;
import ai.zelto.domain.agent.AgentId;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/** {@code /v1/agents}: the org's agents with their versions' figures. */
@Path("/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
public final class AgentsResource {
    private final ListAgentsUseCase list;
    private final GetAgentUseCase get;

    public AgentsResource(ListAgentsUseCase list, GetAgentUseCase get) {
        this.list = list;
        this.get = get;
    }

    @GET
    public Map<String, List<AgentResponse>> list(@Auth ApiKeyPrincipal caller, @Context UriInfo uri) {
        QueryParams.only(uri.getQueryParameters());
        return Map.of("data", list.listAgents(caller.organizationId()).stream().map(AgentResponse::from).toList());
    }

    @GET
    @Path("/{id}")
    public Response get(@Auth ApiKeyPrincipal caller, @PathParam("id") String id) {
        return AgentId.tryParse(id)
                .flatMap(agentId -> get.getAgent(caller.organizationId(), agentId))
                .map(view -> Response.ok(AgentResponse.from(view)).build())
                .orElseGet(ApiErrors::notFound);
    }
}
