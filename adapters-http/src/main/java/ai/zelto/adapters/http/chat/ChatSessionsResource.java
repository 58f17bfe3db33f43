package ai.zelto.adapters.http.chat;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.Json;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.chat.ChatSessionsUseCase;
import ai.zelto.application.port.in.chat.ModelUnavailable;
import ai.zelto.application.readmodel.ChatSessionView;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.chat.ChatMessage;
import ai.zelto.domain.chat.ChatSession;
import ai.zelto.domain.chat.ChatSessionId;
import ai.zelto.domain.shared.ValidationException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * {@code /v1/chat/sessions}: a person's text conversation with a text agent, in the product's snake_case. A
 * message is answered {@code {"role": "assistant", "text", "created_at"}}; with {@code Accept: text/event-stream}
 * the reply streams as server-sent events as the model produces it: {@code delta} events ({@code {"text"}}), then
 * one {@code message} event with the whole reply, or one {@code error} event when the model fails midway (written
 * through Jersey's {@link ChunkedOutput}, which flushes each event, where an ordinary entity is buffered). Every
 * refusal (404, 409, 402, a model that gives no reply: 502) is decided before the stream starts, so it is an
 * ordinary JSON error with its status.
 */
@Path("/v1/chat/sessions")
@Produces(MediaType.APPLICATION_JSON)
public final class ChatSessionsResource {
    /** The largest metadata object a session may carry, as JSON. */
    static final int MAX_METADATA_CHARS = 16_384;
    private static final MediaType EVENT_STREAM = MediaType.valueOf("text/event-stream");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatSessionsUseCase sessions;
    private final Executor streams;

    /** @param streams runs streamed replies, each while its events are written (one thread per reply) */
    public ChatSessionsResource(ChatSessionsUseCase sessions, Executor streams) {
        this.sessions = sessions;
        this.streams = streams;
    }

    /** The answer to a create. */
    public record Created(@JsonProperty("session_id") String sessionId, @JsonProperty("agent_name") String agentName,
                          @JsonProperty("created_at") String createdAt) {
    }

    /** One message. */
    public record Message(String role, String text, @JsonProperty("created_at") String createdAt) {
        static Message from(ChatMessage message) {
            return new Message(message.role().wireName(), message.text(), Json.time(message.createdAt()));
        }
    }

    /** The {@code error} event: the same body as the 502 a whole reply would get. */
    public record Failed(String error, Map<String, String> details) {
    }

    /** A session with its messages. */
    public record Session(@JsonProperty("session_id") String sessionId, @JsonProperty("agent_id") String agentId,
                          @JsonProperty("agent_name") String agentName, String status,
                          @JsonProperty("created_at") String createdAt, @JsonProperty("ended_at") String endedAt,
                          @JsonProperty("ended_reason") String endedReason, @JsonRawValue String metadata,
                          List<Message> messages) {
        static Session from(ChatSessionView view) {
            ChatSession session = view.session();
            return new Session(session.id().toString(), session.agentId().toString(), view.agentName(),
                    session.status().wireName(), Json.time(session.createdAt()), Json.time(session.endedAt()),
                    session.endedReason(), session.metadata(), view.messages().stream().map(Message::from).toList());
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@Auth ApiKeyPrincipal caller, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ValidationException.of("$", "must be a JSON object: {\"agent_id\": \"...\", \"metadata\": {...}}");
        }
        JsonNode agentId = body.get("agent_id");
        if (agentId == null || agentId.isNull()) {
            throw ValidationException.of("agent_id", "is required");
        }
        if (!agentId.isTextual()) {
            throw ValidationException.of("agent_id", "must be a string: the agent's id");
        }
        AgentId agent = AgentId.tryParse(agentId.textValue()).orElseThrow(() -> ValidationException.of("agent_id",
                "must be an agent id (a UUID, as GET /v1/agents gives)"));
        ChatSessionView view = sessions.create(caller.organizationId(), caller.key().userId(), agent,
                metadata(body.get("metadata")));
        return Response.status(Response.Status.CREATED).entity(new Created(view.session().id().toString(),
                view.agentName(), Json.time(view.session().createdAt()))).build();
    }

    /** The session's metadata with {@code channel} set to {@code "chat"}. */
    static String metadata(JsonNode given) {
        ObjectNode metadata;
        if (given == null || given.isNull()) {
            metadata = JSON.createObjectNode();
        } else if (given.isObject()) {
            metadata = ((ObjectNode) given).deepCopy();
        } else {
            throw ValidationException.of("metadata", "must be a JSON object");
        }
        metadata.put("channel", "chat");
        String text = metadata.toString();
        if (text.length() > MAX_METADATA_CHARS) {
            throw ValidationException.of("metadata", "must be at most " + MAX_METADATA_CHARS + " characters of JSON");
        }
        return text;
    }

    @GET
    @Path("/{id}")
    public Response get(@Auth ApiKeyPrincipal caller, @PathParam("id") String id) {
        return ChatSessionId.tryParse(id).flatMap(sessionId -> sessions.get(caller.organizationId(), sessionId))
                .map(view -> Response.ok(Session.from(view)).build())
                .orElseGet(ApiErrors::notFound);
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "text/event-stream"})
    public Response send(@Auth ApiKeyPrincipal caller, @PathParam("id") String id, @Context HttpHeaders headers,
                         JsonNode body) {
        Optional<ChatSessionId> parsed = ChatSessionId.tryParse(id);
        if (parsed.isEmpty()) {
            return ApiErrors.notFound();
        }
        ChatSessionId sessionId = parsed.get();
        if (body == null || !body.isObject()) {
            throw ValidationException.of("$", "must be a JSON object: {\"text\": \"...\"}");
        }
        JsonNode text = body.get("text");
        if (text != null && !text.isNull() && !text.isTextual()) {
            throw ValidationException.of("text", "must be a string: the message");
        }
        ChatSessionsUseCase.PendingReply pending = sessions.send(caller.organizationId(), sessionId,
                text == null || text.isNull() ? null : text.textValue());
        if (!streamed(headers)) {
            try {
                return Response.ok(Message.from(pending.reply(null))).build();
            } catch (ModelUnavailable failed) {
                return ApiErrors.of(502, "Model unavailable", failed.details());
            }
        }
        ChunkedOutput<String> events = new ChunkedOutput<>(String.class);
        Runnable replying = () -> {
            try (events) {
                try {
                    ChatMessage reply = pending.reply(piece -> event(events, "delta", Map.of("text", piece)));
                    event(events, "message", Message.from(reply));
                } catch (ModelUnavailable failed) {
                    event(events, "error", new Failed("Model unavailable", failed.details()));
                }
            } catch (IOException | UncheckedIOException gone) {
                // the client left: the person's message stays, the session takes the next one
            }
        };
        try {
            streams.execute(replying);
        } catch (RejectedExecutionException busy) {
            replying.run(); // every streaming thread is taken: the events leave together, once the reply is whole
        }
        return Response.ok(events, EVENT_STREAM).header("Cache-Control", "no-store")
                .header("X-Accel-Buffering", "no").build();
    }

    private static boolean streamed(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(type -> type.isCompatible(EVENT_STREAM)
                && !type.isWildcardType() && !type.isWildcardSubtype());
    }

    /** One server-sent event; each leaves at once (a chunked output is written through, not buffered). */
    private static void event(ChunkedOutput<String> out, String name, Object data) {
        try {
            out.write("event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n");
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
    }

    /** Ends the session and hands it over as one conversation; ending an ended session answers it unchanged. */
    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.WILDCARD)
    public Response end(@Auth ApiKeyPrincipal caller, @PathParam("id") String id) {
        return ChatSessionId.tryParse(id)
                .map(sessionId -> Response.ok(Session.from(sessions.end(caller.organizationId(), sessionId))).build())
                .orElseGet(ApiErrors::notFound);
    }
}
