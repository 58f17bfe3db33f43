package ai.zelto.adapters.web.agent;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.agent.AgentChanges;
import ai.zelto.application.port.in.agent.AgentSetup;
import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.port.in.agent.ListAgentsUseCase;
import ai.zelto.application.port.in.agent.ManageAgentsUseCase;
import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.ConversationFilter;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.application.readmodel.VersionStats;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.agent.Architecture;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.shared.DomainException;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

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
    private final ManageAgentsUseCase manage;
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
                             List<RecentCall> recent, String allCallsHref, String id, String architecture,
                             String livekitAgentName, String systemPrompt, String model, boolean canTalk,
                             boolean saved) {
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

    /**
     * The form that creates or changes an agent: the values shown, and what is wrong with them by field.
     *
     * @param action where it posts; {@code cancelHref} where Cancel leads
     */
    public record AgentFormView(Chrome chrome, String heading, String action, String cancelHref, String name,
                                String architecture, String livekitAgentName, String externalId, String systemPrompt,
                                String model, Map<String, String> errors, List<Choice> architectures) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    /** One option of the architecture menu. */
    public record Choice(String value, String label, String hint) {
    }

    private static final List<Choice> ARCHITECTURES = List.of(
            new Choice("pipeline", "Pipeline", "speech-to-text, a language model, text-to-speech"),
            new Choice("realtime", "Realtime", "a speech-to-speech model, such as OpenAI Realtime or Gemini Live"),
            new Choice("text", "Text", "chat only: no voice sessions"));

    public AgentsPageResource(ListAgentsUseCase agents, GetAgentUseCase agent, ListConversationsUseCase conversations,
                              ManageAgentsUseCase manage, Layout layout) {
        this.agents = agents;
        this.agent = agent;
        this.conversations = conversations;
        this.manage = manage;
        this.layout = layout;
    }

    @GET
    @Path("/new")
    public Page newAgent(@Context ContainerRequestContext request) {
        Visitor visitor = Visitor.of(request);
        visitor.require(Role::canWrite, "create agents");
        return form(visitor, null, "pipeline", null, null, null, null, null, Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@Context ContainerRequestContext request, Form form) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.require(Role::canWrite, "create agents");
        FormValues values = FormValues.of(form);
        try {
            AgentView created = manage.create(member.organizationId(), new AgentSetup(values.name(),
                    values.architecture(), values.livekitAgentName(), values.externalId(), values.systemPrompt(),
                    values.model()), "user:" + member.id());
            return Response.seeOther(URI.create("/agents/" + created.agent().id() + "?saved=1")).build();
        } catch (ValidationException invalid) {
            return Response.status(400).entity(form(visitor, null, values, invalid.details())).build();
        } catch (DomainException refused) {
            return Response.status(409).entity(form(visitor, null, values, Map.of("externalId",
                    refused.getMessage()))).build();
        }
    }

    @GET
    @Path("/{id}/edit")
    public Page edit(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.require(Role::canWrite, "change agents");
        Agent found = find(member, id).agent();
        return form(visitor, found, found.architecture() == null ? "" : found.architecture().wireName(),
                found.name(), found.livekitAgentName(), found.externalId(), found.systemPrompt(), found.model(),
                Map.of());
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@Context ContainerRequestContext request, @PathParam("id") String id, Form form) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.require(Role::canWrite, "change agents");
        Agent found = find(member, id).agent();
        FormValues values = FormValues.of(form);
        try {
            manage.change(member.organizationId(), found.id(), new AgentChanges(EnumSet.allOf(
                    AgentChanges.Field.class), values.name(), values.architecture(), values.livekitAgentName(),
                    values.externalId(), values.systemPrompt(), values.model()), "user:" + member.id());
            return Response.seeOther(URI.create("/agents/" + found.id() + "?saved=1")).build();
        } catch (ValidationException invalid) {
            return Response.status(400).entity(form(visitor, found, values, invalid.details())).build();
        } catch (DomainException refused) {
            return Response.status(409).entity(form(visitor, found, values, Map.of("externalId",
                    refused.getMessage()))).build();
        }
    }

    /** What a person typed: blank optional fields are none, an unknown architecture is reported as such. */
    private record FormValues(String name, String architectureText, String livekitAgentName, String externalId,
                              String systemPrompt, String model) {
        static FormValues of(Form form) {
            return new FormValues(text(form, "name"), text(form, "architecture"), text(form, "livekitAgentName"),
                    text(form, "externalId"), text(form, "systemPrompt"), text(form, "model"));
        }

        private static String text(Form form, String field) {
            String value = form.asMap().getFirst(field);
            return value == null || value.isBlank() ? null : field.equals("systemPrompt") ? value : value.strip();
        }

        Architecture architecture() {
            if (architectureText == null) {
                return null;
            }
            return Architecture.parse(architectureText).orElseThrow(() -> ValidationException.of("architecture",
                    "choose one of " + Architecture.names()));
        }
    }

    private Page form(Visitor visitor, Agent existing, FormValues values, Map<String, String> errors) {
        return form(visitor, existing, values.architectureText() == null ? "" : values.architectureText(),
                values.name(), values.livekitAgentName(), values.externalId(), values.systemPrompt(), values.model(),
                errors);
    }

    private Page form(Visitor visitor, Agent existing, String architecture, String name, String livekitAgentName,
                      String externalId, String systemPrompt, String model, Map<String, String> errors) {
        String heading = existing == null ? "New agent" : "Edit " + existing.displayName();
        return new Page("agent-form.jte", new AgentFormView(layout.chrome(visitor, heading, "agents"), heading,
                existing == null ? "/agents" : "/agents/" + existing.id(),
                existing == null ? "/agents" : "/agents/" + existing.id(), orEmpty(name), architecture,
                orEmpty(livekitAgentName), orEmpty(externalId), orEmpty(systemPrompt), orEmpty(model), errors,
                ARCHITECTURES));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private AgentView find(Member member, String id) {
        return AgentId.tryParse(id).flatMap(agentId -> agent.getAgent(member.organizationId(), agentId))
                .orElseThrow(NotFoundException::new);
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
    public Page show(@Context ContainerRequestContext request, @PathParam("id") String id,
                     @QueryParam("saved") String saved) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.member();
        AgentView view = find(member, id);
        Agent shown = view.agent();
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
                versions, recent, "/conversations?agent=" + agentId, agentId,
                shown.architecture() == null ? "" : shown.architecture().wireName(),
                orEmpty(shown.livekitAgentName()), orEmpty(shown.systemPrompt()), orEmpty(shown.model()),
                shown.architecture() != null && shown.architecture().isVoice() && shown.livekitAgentName() != null,
                saved != null));
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
