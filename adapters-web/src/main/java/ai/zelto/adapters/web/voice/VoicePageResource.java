package ai.zelto.adapters.web.voice;

import static ai.zelto.adapters.web.page.ScriptAnswers.json;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.ErrorPages;
import ai.zelto.adapters.web.page.ConsoleHeaders;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.port.in.voice.StartedVoiceSession;
import ai.zelto.application.port.in.voice.VoiceSessionsUseCase;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.VoiceSessionPage;
import ai.zelto.application.readmodel.VoiceSessionView;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.shared.DomainException;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import ai.zelto.domain.voice.VoiceSession;
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
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /voice}: voice sessions newest first (one agent's with {@code ?agent=}), a session's page with its
 * state, times and conversation, and {@code /voice/talk?agent=}: talking to a voice agent from the browser. The
 * server starts the session for the signed-in person — no API key reaches the browser — and the page connects
 * with the LiveKit JavaScript client served from this jar, its Content-Security-Policy opened to that LiveKit
 * server only.
 */
@Path("/voice")
@Produces(Page.HTML)
public final class VoicePageResource {
    static final int PAGE_SIZE = 50;

    private final VoiceSessionsUseCase sessions;
    private final GetAgentUseCase agents;
    private final Layout layout;

    /** The list. */
    public record SessionsView(Chrome chrome, List<Row> sessions, String agentName, String agentHref,
                               String nextHref) {
    }

    /** One session as the list and its page show it. */
    public record Row(String href, String roomName, String agentName, String agentHref, String status,
                      String createdIso, String createdLabel, String startedIso, String startedLabel,
                      String endedIso, String endedLabel, String duration, String conversationHref, String userId) {
    }

    /** A session's page. */
    public record SessionView(Chrome chrome, Row session, boolean canEnd) {
    }

    /** The talk page: where to start the session, and whether LiveKit is there to connect to. */
    public record TalkView(Chrome chrome, String agentName, String agentHref, String startHref, String livekitUrl) {
    }

    public VoicePageResource(VoiceSessionsUseCase sessions, GetAgentUseCase agents, Layout layout) {
        this.sessions = sessions;
        this.agents = agents;
        this.layout = layout;
    }

    @GET
    public Page list(@Context ContainerRequestContext request, @QueryParam("agent") String agent,
                     @QueryParam("cursor") String cursor) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.member();
        Optional<AgentView> filter = Optional.ofNullable(agent).filter(id -> !id.isEmpty())
                .map(id -> AgentId.tryParse(id).flatMap(agentId -> agents.getAgent(member.organizationId(), agentId))
                        .orElseThrow(NotFoundException::new));
        VoiceSessionPage page = sessions.list(member.organizationId(), filter.map(view -> view.agent().id())
                .orElse(null), PAGE_SIZE, cursor == null || cursor.isEmpty() ? null : cursor);
        String next = page.next() == null ? null : "/voice?" + filter.map(view -> "agent=" + view.agent().id() + "&")
                .orElse("") + "cursor=" + page.next();
        return new Page("voice-sessions.jte", new SessionsView(layout.chrome(visitor, "Voice sessions", "voice"),
                page.data().stream().map(VoicePageResource::row).toList(),
                filter.map(view -> view.agent().displayName()).orElse(null),
                filter.map(view -> "/agents/" + view.agent().id()).orElse(null), next));
    }

    @GET
    @Path("/{roomName}")
    public Page show(@Context ContainerRequestContext request, @PathParam("roomName") String roomName) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.member();
        VoiceSessionView view = sessions.get(member.organizationId(), roomName).orElseThrow(NotFoundException::new);
        return new Page("voice-session.jte", new SessionView(layout.chrome(visitor, "Voice session", "voice"),
                row(view), view.session().status() != VoiceSession.Status.ENDED && member.role().canWrite()));
    }

    /** Ends a session: a form answers with the session's page, the talk page's script with JSON. */
    @POST
    @Path("/{roomName}/end")
    @Produces({Page.HTML, MediaType.APPLICATION_JSON})
    public Response end(@Context ContainerRequestContext request, @PathParam("roomName") String roomName,
                        @Context HttpHeaders headers) {
        Member member = Visitor.of(request).require(Role::canWrite, "end voice sessions");
        VoiceSessionView ended;
        try {
            ended = sessions.end(member.organizationId(), roomName);
        } catch (DomainException refused) {
            if (wantsJson(headers)) {
                return json(ErrorPages.status(refused), Map.of("error", refused.getMessage()));
            }
            throw refused;
        }
        if (wantsJson(headers)) {
            return json(200, Map.of("status", ended.session().status().wireName()));
        }
        return Response.seeOther(URI.create("/voice/" + roomName)).build();
    }

    @GET
    @Path("/talk")
    public Response talk(@Context ContainerRequestContext request, @QueryParam("agent") String agentId) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.require(Role::canWrite, "talk to agents");
        Agent agent = agent(member, agentId);
        Optional<String> url = sessions.browserUrl(member.organizationId());
        Page page = new Page("talk.jte", new TalkView(layout.chrome(visitor, "Talk to " + agent.displayName(), "agents"),
                agent.displayName(), "/agents/" + agent.id(), "/voice/talk?agent=" + agent.id(), url.orElse(null)));
        Response.ResponseBuilder response = Response.ok(page);
        url.ifPresent(browser -> response.header("Content-Security-Policy",
                ConsoleHeaders.policyConnectingTo(origins(browser))));
        return response.build();
    }

    /** Starts the session for the signed-in person; JSON for the talk page's script, errors included. */
    @POST
    @Path("/talk")
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@Context ContainerRequestContext request, @QueryParam("agent") String agentId) {
        Member member = Visitor.of(request).require(Role::canWrite, "talk to agents");
        Agent agent = agent(member, agentId);
        try {
            StartedVoiceSession started = sessions.start(member.organizationId(), member.id(), agent.id());
            Map<String, String> body = new LinkedHashMap<>();
            body.put("room_name", started.roomName());
            body.put("token", started.token());
            body.put("livekit_url", started.livekitUrl());
            body.put("agent_name", started.agentName());
            body.put("session_href", "/voice/" + started.roomName());
            body.put("end_href", "/voice/" + started.roomName() + "/end");
            return json(200, body);
        } catch (DomainException refused) {
            return json(ErrorPages.status(refused), Map.of("error", refused.getMessage()));
        }
    }

    private Agent agent(Member member, String agentId) {
        return AgentId.tryParse(agentId == null ? "" : agentId)
                .flatMap(id -> agents.getAgent(member.organizationId(), id)).map(AgentView::agent)
                .orElseThrow(NotFoundException::new);
    }

    /** The ws(s) origin of the LiveKit URL and its http(s) twin (the client checks a failed connection over it). */
    static List<String> origins(String browserUrl) {
        URI uri = URI.create(browserUrl);
        String hostPort = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("wss") || scheme.equals("https");
        return List.of((secure ? "wss://" : "ws://") + hostPort, (secure ? "https://" : "http://") + hostPort);
    }

    private static boolean wantsJson(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.APPLICATION_JSON);
    }

    static Row row(VoiceSessionView view) {
        VoiceSession session = view.session();
        String duration = session.startedAt() == null || session.endedAt() == null ? ""
                : Formats.duration(java.math.BigDecimal.valueOf(java.time.Duration.between(session.startedAt(),
                session.endedAt()).toSeconds()));
        return new Row("/voice/" + session.roomName(), session.roomName(), view.agentName(),
                "/agents/" + session.agentId(), session.status().wireName(), Formats.iso(session.createdAt()),
                Formats.time(session.createdAt()), Formats.iso(session.startedAt()), Formats.time(session.startedAt()),
                Formats.iso(session.endedAt()), Formats.time(session.endedAt()), duration,
                view.conversationId() == null ? null : "/conversations/" + view.conversationId(),
                session.userId().toString());
    }
}
