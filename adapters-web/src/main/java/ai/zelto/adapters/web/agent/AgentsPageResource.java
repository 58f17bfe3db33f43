package ai.zelto.adapters.web.agent;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.port.in.agent.ListAgentsUseCase;
import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.ConversationFilter;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.application.readmodel.VersionStats;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.user.Member;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /agents} and {@code /agents/{id}}. An agent's page puts its versions side by side (calls, average
 * duration, total cost, how the calls ended), newest version first, each linking to its calls, and lists its
 * latest calls; "which build handled this, and did the last change make things worse" is the question it answers.
 */
@Path("/agents")
@Produces(Page.HTML)
public final class AgentsPageResource {
    static final int RECENT_CALLS = 20;

    private final ListAgentsUseCase agents;
    private final GetAgentUseCase agent;
    private final ListConversationsUseCase conversations;
    private final Layout layout;

    /** The Agents list. */
    public record AgentsView(Chrome chrome, List<AgentRow> agents) {
    }

    public record AgentRow(String href, String name, String externalId, String provider, String providerLabel,
                           long calls, int versions, String lastCallIso, String lastCallLabel) {
    }

    /** An agent's page. */
    public record AgentPageView(Chrome chrome, String name, String externalId, String provider, String providerLabel,
                             String lastCallIso, String lastCallLabel, long calls, List<VersionColumn> versions,
                             List<RecentCall> recent, String allCallsHref) {
    }

    /** One version's figures; {@code reasons} with their share of its calls. */
    public record VersionColumn(String label, String callsHref, long calls, String avgDuration, String totalCost,
                                String firstSeenLabel, String lastSeenLabel, List<Reason> reasons) {
    }

    public record Reason(String label, long calls, int percent) {
    }

    public record RecentCall(String href, String startedIso, String startedLabel, String version, String duration,
                             String cost, String endedReason) {
    }

    public AgentsPageResource(ListAgentsUseCase agents, GetAgentUseCase agent, ListConversationsUseCase conversations,
                              Layout layout) {
        this.agents = agents;
        this.agent = agent;
        this.conversations = conversations;
        this.layout = layout;
    }

    @GET
    public Page list(@Context ContainerRequestContext request) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.member();
        List<AgentRow> rows = agents.listAgents(member.organizationId()).stream().map(view -> new AgentRow(
                "/agents/" + view.agent().id(), view.agent().displayName(), view.agent().externalId(),
                view.agent().provider(), Formats.provider(view.agent().provider()),
                view.versions().stream().mapToLong(VersionStats::calls).sum(), view.versions().size(),
                Formats.iso(view.agent().lastCallAt()), Formats.time(view.agent().lastCallAt()))).toList();
        return new Page("agents.jte", new AgentsView(layout.chrome(visitor, "Agents", "agents"), rows));
    }

    @GET
    @Path("/{id}")
    public Page show(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.member();
        AgentView view = AgentId.tryParse(id).flatMap(agentId -> agent.getAgent(member.organizationId(), agentId))
                .orElseThrow(NotFoundException::new);
        String agentId = view.agent().id().toString();
        List<VersionColumn> versions = view.versions().stream().map(stats -> column(agentId, stats)).toList();
        List<RecentCall> recent = conversations.listConversations(new ConversationQuery(member.organizationId(),
                ConversationFilter.NONE.withAgent(view.agent().id()), RECENT_CALLS, null, null)).data().stream()
                .map(call -> {
                    Conversation c = call.conversation();
                    return new RecentCall("/conversations/" + c.id() + "?agent=" + agentId,
                            Formats.iso(c.listedAt()),
                            Formats.time(c.listedAt()),
                            c.version() == null ? "" : c.version(), Formats.duration(c.durationSeconds()),
                            Formats.cost(c.cost()), c.endedReason() == null ? "" : c.endedReason());
                }).toList();
        return new Page("agent.jte", new AgentPageView(layout.chrome(visitor, view.agent().displayName(), "agents"),
                view.agent().displayName(), view.agent().externalId(), view.agent().provider(),
                Formats.provider(view.agent().provider()), Formats.iso(view.agent().lastCallAt()),
                Formats.time(view.agent().lastCallAt()), view.versions().stream().mapToLong(VersionStats::calls).sum(),
                versions, recent, "/conversations?agent=" + agentId));
    }

    private static VersionColumn column(String agentId, VersionStats stats) {
        String href = "/conversations?agent=" + agentId + (stats.version() == null ? ""
                : "&version=" + URLEncoder.encode(stats.version(), StandardCharsets.UTF_8));
        List<Reason> reasons = stats.endedReasons().entrySet().stream().map(entry -> new Reason(
                entry.getKey().isEmpty() ? "not given" : entry.getKey(), entry.getValue(),
                (int) Math.round(100.0 * entry.getValue() / Math.max(1, stats.calls())))).toList();
        BigDecimal avg = stats.avgDurationSeconds();
        return new VersionColumn(stats.version() == null ? "no version" : stats.version(), href, stats.calls(),
                avg == null ? "—" : Formats.duration(avg.setScale(0, RoundingMode.HALF_UP)),
                Formats.cost(stats.totalCost()), Formats.time(stats.firstSeenAt()), Formats.time(stats.lastSeenAt()),
                reasons);
    }
}
