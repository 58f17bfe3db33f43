package ai.zelto.adapters.http.phone;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.Json;
import ai.zelto.adapters.http.common.QueryParams;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.phone.PhoneCallsUseCase;
import ai.zelto.application.readmodel.PhoneCallFilter;
import ai.zelto.application.readmodel.PhoneCallPage;
import ai.zelto.application.readmodel.PhoneCallView;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.phone.PhoneCallId;
import ai.zelto.domain.phone.PhoneNumber;
import ai.zelto.domain.shared.ValidationException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/phone/calls}, in the session endpoints' snake_case: {@code POST} places a call
 * ({@code {"channel": "whatsapp"|"twilio", "agent_id", "to"}}) and answers 201 with the call; the calls are
 * records the providers' webhooks move along, listed newest first; {@code DELETE} hangs up.
 */
@Path("/v1/phone/calls")
@Produces(MediaType.APPLICATION_JSON)
public final class PhoneCallsResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> LIST_PARAMS = Set.of("channel", "direction", "agent_id", "status", "limit",
            "cursor");
    private static final Set<String> DIAL_FIELDS = Set.of("channel", "agent_id", "to");

    private final PhoneCallsUseCase calls;

    public PhoneCallsResource(PhoneCallsUseCase calls) {
        this.calls = calls;
    }

    /**
     * One call.
     *
     * @param providerCallId WhatsApp's call id or Twilio's CallSid, for finding the call in their consoles
     */
    public record Call(String id, String channel, String direction, String status, String from, String to,
                       @JsonProperty("agent_id") String agentId, @JsonProperty("agent_name") String agentName,
                       @JsonProperty("room_name") String roomName,
                       @JsonProperty("provider_call_id") String providerCallId,
                       @JsonProperty("started_at") String startedAt,
                       @JsonProperty("connected_at") String connectedAt, @JsonProperty("ended_at") String endedAt,
                       @JsonProperty("duration_seconds") Integer durationSeconds, String reason,
                       @JsonProperty("conversation_id") String conversationId) {
        static Call from(PhoneCallView view) {
            PhoneCall call = view.call();
            return new Call(call.id().toString(), call.channel().wireName(), call.direction().wireName(),
                    call.status().wireName(), call.from(), call.to(),
                    call.agentId() == null ? null : call.agentId().toString(), view.agentName(), call.roomName(),
                    call.providerCallId(), Json.time(call.startedAt()), Json.time(call.connectedAt()), Json.time(call.endedAt()),
                    call.durationSeconds(), call.reason(),
                    view.conversationId() == null ? null : view.conversationId().toString());
        }
    }

    /** A page of calls. */
    public record Page(List<Call> data, @JsonProperty("next_cursor") String nextCursor) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response dial(@Auth ApiKeyPrincipal caller, JsonNode body) {
        PhoneCallsUseCase.Dial dial = dialOf(body);
        return Response.status(Response.Status.CREATED)
                .entity(Call.from(calls.dial(caller.organizationId(), dial))).build();
    }

    /** The call a body asks for, every mistake named at once. */
    static PhoneCallsUseCase.Dial dialOf(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ValidationException.of("$", "must be a JSON object: {\"channel\": \"whatsapp\", \"agent_id\": \"...\","
                    + " \"to\": \"+15551234567\"}");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!DIAL_FIELDS.contains(name)) {
                errors.put(name, "is not a field of a call; the fields: channel, agent_id, to");
            }
        });
        PhoneCall.Channel channel = text(body, "channel", errors)
                .flatMap(value -> PhoneCall.Channel.names().contains(value.toLowerCase(Locale.ROOT))
                        ? Optional.of(PhoneCall.Channel.parse(value)) : fail(errors, "channel",
                        "must be one of " + PhoneCall.Channel.names()))
                .orElse(null);
        AgentId agentId = text(body, "agent_id", errors)
                .flatMap(value -> AgentId.tryParse(value).or(() -> fail(errors, "agent_id",
                        "must be an agent id (a UUID, as GET /v1/agents gives)")))
                .orElse(null);
        String to = text(body, "to", errors)
                .flatMap(value -> PhoneNumber.parse(value).or(() -> fail(errors, "to",
                        "must be a phone number with its country code, such as +15551234567")))
                .orElse(null);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PhoneCallsUseCase.Dial(channel, agentId, to);
    }

    private static Optional<String> text(JsonNode body, String name, Map<String, String> errors) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            errors.put(name, "is required");
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.put(name, "must be a string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private static <T> Optional<T> fail(Map<String, String> errors, String name, String message) {
        errors.put(name, message);
        return Optional.empty();
    }

    @GET
    public Page list(@Auth ApiKeyPrincipal caller, @Context UriInfo uri) {
        MultivaluedMap<String, String> given = uri.getQueryParameters();
        QueryParams params = new QueryParams();
        params.allowOnly(given, LIST_PARAMS);
        PhoneCall.Channel channel = params.parsed("channel", given.getFirst("channel"),
                value -> PhoneCall.Channel.names().contains(value) ? Optional.of(PhoneCall.Channel.parse(value))
                        : Optional.empty(), "one of " + PhoneCall.Channel.names());
        PhoneCall.Direction direction = params.parsed("direction", given.getFirst("direction"),
                value -> PhoneCall.Direction.names().contains(value) ? Optional.of(PhoneCall.Direction.parse(value))
                        : Optional.empty(), "one of " + PhoneCall.Direction.names());
        PhoneCall.Status status = params.parsed("status", given.getFirst("status"),
                value -> PhoneCall.Status.names().contains(value) ? Optional.of(PhoneCall.Status.parse(value))
                        : Optional.empty(), "one of " + PhoneCall.Status.names());
        AgentId agentId = params.parsed("agent_id", given.getFirst("agent_id"), AgentId::tryParse,
                "an agent id (a UUID)");
        int limit = params.integer("limit", given.getFirst("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
        params.check();
        PhoneCallPage page = calls.list(caller.organizationId(),
                new PhoneCallFilter(channel, direction, agentId, status), limit,
                QueryParams.text(given.getFirst("cursor")));
        return new Page(page.data().stream().map(Call::from).toList(), page.next());
    }

    @GET
    @Path("/{id}")
    public Response get(@Auth ApiKeyPrincipal caller, @PathParam("id") String id) {
        return PhoneCallId.tryParse(id).flatMap(callId -> calls.get(caller.organizationId(), callId))
                .map(view -> Response.ok(Call.from(view)).build())
                .orElseGet(ApiErrors::notFound);
    }

    /** Hangs up; a call that has already finished is answered unchanged. */
    @DELETE
    @Path("/{id}")
    public Response hangUp(@Auth ApiKeyPrincipal caller, @PathParam("id") String id) {
        Optional<PhoneCallId> callId = PhoneCallId.tryParse(id);
        if (callId.isEmpty()) {
            return ApiErrors.notFound();
        }
        return Response.ok(Call.from(calls.hangUp(caller.organizationId(), callId.get()))).build();
    }
}
