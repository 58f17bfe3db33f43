package ai.zelto.adapters.web.chat;

import static ai.zelto.adapters.web.page.ScriptAnswers.json;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.ErrorPages;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.chat.ChatSessionsUseCase;
import ai.zelto.application.port.in.chat.ModelUnavailable;
import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.readmodel.ChatSessionView;
import ai.zelto.application.readmodel.ConversationFilter;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.chat.ChatMessage;
import ai.zelto.domain.chat.ChatSession;
import ai.zelto.domain.chat.ChatSessionId;
import ai.zelto.domain.shared.DomainException;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * {@code /chat}: a signed-in person chats with a text agent, no API key in the browser. {@code POST /chat?agent=}
 * opens a session and shows its page; the page's script sends each message with {@code Accept: text/event-stream}
 * and shows the reply as it streams ({@code delta} events, then {@code message}, or {@code error}); without the
 * script the form posts and the page comes back with the reply. Ending it (or leaving it idle) turns it into a
 * conversation, listed under Conversations.
 */
@Path("/chat")
@Produces(Page.HTML)
public final class ChatPageResource {
    private static final MediaType EVENT_STREAM = MediaType.valueOf("text/event-stream");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatSessionsUseCase sessions;
    private final ListConversationsUseCase conversations;
    private final Layout layout;
    private final Executor streams;

    /** The page. */
    public record ChatView(Chrome chrome, String sessionId, String agentName, String agentHref, boolean open,
                           boolean canWrite, List<Bubble> messages, String sendHref, String endHref,
                           String conversationHref, int maxChars) {
    }

    /** One message as shown. */
    public record Bubble(String role, String speaker, String text, String iso, String time) {
    }

    /** @param streams runs streamed replies, each while its events are written */
    public ChatPageResource(ChatSessionsUseCase sessions, ListConversationsUseCase conversations, Layout layout,
                            Executor streams) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.layout = layout;
        this.streams = streams;
    }

    /** Opens a session with the agent for the signed-in person. */
    @POST
    public Response open(@Context ContainerRequestContext request, @QueryParam("agent") String agent) {
        Member member = Visitor.of(request).require(Role::canWrite, "chat with agents");
        AgentId agentId = AgentId.tryParse(agent == null ? "" : agent).orElseThrow(NotFoundException::new);
        ChatSessionView opened = sessions.create(member.organizationId(), member.id(), agentId,
                "{\"channel\":\"chat\",\"source\":\"console\"}");
        return Response.seeOther(URI.create("/chat/" + opened.session().id())).build();
    }

    @GET
    @Path("/{id}")
    public Page show(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.member();
        ChatSessionView view = find(member, id);
        ChatSession session = view.session();
        boolean open = session.status() == ChatSession.Status.OPEN;
        String conversation = open ? null : conversations.listConversations(new ConversationQuery(
                        member.organizationId(), new ConversationFilter(null, null, null, session.id().toString(), null,
                        null, null, null, null, null), 1, null, null)).data().stream().findFirst()
                .map(found -> "/conversations/" + found.conversation().id()).orElse(null);
        List<Bubble> bubbles = view.messages().stream().map(message -> bubble(message, view.agentName())).toList();
        return new Page("chat.jte", new ChatView(layout.chrome(visitor, "Chat with " + view.agentName(), "agents"),
                session.id().toString(), view.agentName(), "/agents/" + session.agentId(), open,
                member.role().canWrite(), bubbles, "/chat/" + session.id() + "/messages",
                "/chat/" + session.id() + "/end", conversation, sessions.maxMessageChars()));
    }

    /** One message: streamed for the page's script, else answered with the page again. */
    @POST
    @Path("/{id}/messages")
    @Produces({Page.HTML, "text/event-stream", MediaType.APPLICATION_JSON})
    public Response send(@Context ContainerRequestContext request, @PathParam("id") String id,
                         @FormParam("text") String text, @Context HttpHeaders headers) {
        Member member = Visitor.of(request).require(Role::canWrite, "chat with agents");
        ChatSessionId sessionId = ChatSessionId.tryParse(id).orElseThrow(NotFoundException::new);
        boolean streamed = headers.getAcceptableMediaTypes().stream().anyMatch(type ->
                type.isCompatible(EVENT_STREAM) && !type.isWildcardType());
        ChatSessionsUseCase.PendingReply pending;
        try {
            pending = sessions.send(member.organizationId(), sessionId, text);
        } catch (ValidationException invalid) {
            if (streamed) {
                return json(400, Map.of("error", invalid.details().values().iterator().next()));
            }
            throw invalid;
        } catch (DomainException refused) {
            if (streamed) {
                return json(ErrorPages.status(refused), Map.of("error", refused.getMessage()));
            }
            throw refused;
        }
        if (!streamed) {
            try {
                pending.reply(null);
            } catch (ModelUnavailable failed) {
                // the page shows the message without its reply; sending again asks the model again
            }
            return Response.seeOther(URI.create("/chat/" + sessionId + "#composer")).build();
        }
        ChunkedOutput<String> events = new ChunkedOutput<>(String.class);
        Runnable replying = () -> {
            try (events) {
                try {
                    ChatMessage reply = pending.reply(piece -> event(events, "delta", Map.of("text", piece)));
                    Map<String, String> whole = new LinkedHashMap<>();
                    whole.put("text", reply.text());
                    whole.put("iso", Formats.iso(reply.createdAt()));
                    whole.put("time", Formats.time(reply.createdAt()));
                    event(events, "message", whole);
                } catch (ModelUnavailable failed) {
                    event(events, "error", Map.of("error", "The model gave no reply ("
                            + failed.details().get("reason") + "). Your message is kept; send it again to retry."));
                }
            } catch (IOException | UncheckedIOException gone) {
                // the page was closed: the message stays, the session takes the next one
            }
        };
        try {
            streams.execute(replying);
        } catch (RejectedExecutionException busy) {
            replying.run(); // every streaming thread is taken: the reply arrives whole
        }
        return Response.ok(events, EVENT_STREAM).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/end")
    public Response end(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Member member = Visitor.of(request).require(Role::canWrite, "chat with agents");
        ChatSessionId sessionId = ChatSessionId.tryParse(id).orElseThrow(NotFoundException::new);
        sessions.end(member.organizationId(), sessionId);
        return Response.seeOther(URI.create("/chat/" + sessionId)).build();
    }

    private ChatSessionView find(Member member, String id) {
        return ChatSessionId.tryParse(id).flatMap(sessionId -> sessions.get(member.organizationId(), sessionId))
                .orElseThrow(NotFoundException::new);
    }

    private static Bubble bubble(ChatMessage message, String agentName) {
        boolean user = message.role() == ChatMessage.Role.USER;
        return new Bubble(message.role().wireName(), user ? "You" : agentName, message.text(),
                Formats.iso(message.createdAt()), Formats.time(message.createdAt()));
    }

    private static void event(ChunkedOutput<String> out, String name, Object data) {
        try {
            out.write("event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n");
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
    }
}
