package ai.zelto.adapters.http.voice;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.Json;
import ai.zelto.adapters.http.common.QueryParams;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.voice.StartedVoiceSession;
import ai.zelto.application.port.in.voice.VoiceSessionsUseCase;
import ai.zelto.application.readmodel.VoiceSessionPage;
import ai.zelto.application.readmodel.VoiceSessionView;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.voice.VoiceSession;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/voice/sessions}: a person's browser call with a voice agent, in the product's snake_case.
 * {@code POST} answers {@code {"room_name", "token", "livekit_url", "agent_name"}}; the sessions are records that
 * LiveKit's webhooks move along, listed newest first.
 */
@Path("/v1/voice/sessions")
@Produces(MediaType.APPLICATION_JSON)
public final class VoiceSessionsResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> LIST_PARAMS = Set.of("agent_id", "limit", "cursor");

    private final VoiceSessionsUseCase sessions;

    public VoiceSessionsResource(VoiceSessionsUseCase sessions) {
        this.sessions = sessions;
    }

    /** The answer to a start. */
    public record Started(@JsonProperty("room_name") String roomName, String token,
                          @JsonProperty("livekit_url") String livekitUrl,
                          @JsonProperty("agent_name") String agentName) {
        static Started from(StartedVoiceSession started) {
            return new Started(started.roomName(), started.token(), started.livekitUrl(), started.agentName());
        }
    }

    /** One session. */
    public record Session(@JsonProperty("room_name") String roomName, @JsonProperty("agent_id") String agentId,
                          @JsonProperty("agent_name") String agentName, @JsonProperty("user_id") String userId,
                          String status, @JsonProperty("created_at") String createdAt,
                          @JsonProperty("started_at") String startedAt, @JsonProperty("ended_at") String endedAt,
                          @JsonProperty("conversation_id") String conversationId) {
        static Session from(VoiceSessionView view) {
            VoiceSession session = view.session();
            return new Session(session.roomName(), session.agentId().toString(), view.agentName(),
                    session.userId().toString(), session.status().wireName(), Json.time(session.createdAt()),
                    Json.time(session.startedAt()), Json.time(session.endedAt()),
                    view.conversationId() == null ? null : view.conversationId().toString());
        }
    }

    /** A page of sessions. */
    public record Page(List<Session> data, @JsonProperty("next_cursor") String nextCursor) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Started start(@Auth ApiKeyPrincipal caller, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ValidationException.of("$", "must be a JSON object: {\"agent_id\": \"...\"}");
        }
        JsonNode agentId = body.get("agent_id");
        if (agentId == null || agentId.isNull()) {
            throw ValidationException.of("agent_id", "is required");
        }
        if (!agentId.isTextual()) {
            throw ValidationException.of("agent_id", "must be a string: the agent's id");
        }
        AgentId id = AgentId.tryParse(agentId.textValue()).orElseThrow(() -> ValidationException.of("agent_id",
                "must be an agent id (a UUID, as GET /v1/agents gives)"));
        return Started.from(sessions.start(caller.organizationId(), caller.key().userId(), id));
    }

    @GET
    public Page list(@Auth ApiKeyPrincipal caller, @Context UriInfo uri) {
        MultivaluedMap<String, String> given = uri.getQueryParameters();
        QueryParams params = new QueryParams();
        params.allowOnly(given, LIST_PARAMS);
        AgentId agentId = params.parsed("agent_id", given.getFirst("agent_id"), AgentId::tryParse,
                "an agent id (a UUID)");
        int limit = params.integer("limit", given.getFirst("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
        params.check();
        VoiceSessionPage page = sessions.list(caller.organizationId(), agentId, limit,
                QueryParams.text(given.getFirst("cursor")));
        return new Page(page.data().stream().map(Session::from).toList(), page.next());
    }

    @GET
    @Path("/{roomName}")
    public Response get(@Auth ApiKeyPrincipal caller, @PathParam("roomName") String roomName) {
        return sessions.get(caller.organizationId(), roomName)
                .map(view -> Response.ok(Session.from(view)).build())
                .orElseGet(ApiErrors::notFound);
    }

    /** Ends the session and deletes its room; ending an ended session answers it unchanged. */
    @DELETE
    @Path("/{roomName}")
    public Session end(@Auth ApiKeyPrincipal caller, @PathParam("roomName") String roomName) {
        return Session.from(sessions.end(caller.organizationId(), roomName));
    }
}
