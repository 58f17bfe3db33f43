package ai.zelto.adapters.http.agent;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.QueryParams;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.agent.AgentChanges.Field;
import ai.zelto.application.port.in.agent.AgentChanges;
import ai.zelto.application.port.in.agent.AgentSetup;
import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.port.in.agent.ListAgentsUseCase;
import ai.zelto.application.port.in.agent.ManageAgentsUseCase;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.domain.agent.AgentId;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /v1/agents}: the org's agents with their versions' figures; {@code POST} creates one (provider
 * {@code zelto}) and {@code PATCH /{id}} changes the fields it is given.
 */
@Path("/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
public final class AgentsResource {
    private final ListAgentsUseCase list;
    private final GetAgentUseCase get;
    private final ManageAgentsUseCase manage;

    public AgentsResource(ListAgentsUseCase list, GetAgentUseCase get, ManageAgentsUseCase manage) {
        this.list = list;
        this.get = get;
        this.manage = manage;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@Auth ApiKeyPrincipal caller, JsonNode body) {
        AgentBody fields = AgentBody.read(body);
        AgentView created = manage.create(caller.organizationId(), new AgentSetup(fields.text(Field.NAME),
                fields.architecture(), fields.text(Field.LIVEKIT_AGENT_NAME), fields.text(Field.EXTERNAL_ID),
                fields.text(Field.SYSTEM_PROMPT), fields.text(Field.MODEL)), caller.actor());
        return Response.status(Response.Status.CREATED).entity(AgentResponse.from(created)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response change(@Auth ApiKeyPrincipal caller, @PathParam("id") String id, JsonNode body) {
        Optional<AgentId> agentId = AgentId.tryParse(id);
        if (agentId.isEmpty()) {
            return ApiErrors.notFound();
        }
        AgentBody fields = AgentBody.read(body);
        AgentView changed = manage.change(caller.organizationId(), agentId.get(), new AgentChanges(fields.given(),
                fields.text(Field.NAME), fields.architecture(), fields.text(Field.LIVEKIT_AGENT_NAME),
                fields.text(Field.EXTERNAL_ID), fields.text(Field.SYSTEM_PROMPT), fields.text(Field.MODEL)),
                caller.actor());
        return Response.ok(AgentResponse.from(changed)).build();
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
