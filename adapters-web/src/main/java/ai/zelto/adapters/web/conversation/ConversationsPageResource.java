package ai.zelto.adapters.web.conversation;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.agent.ListAgentsUseCase;
import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.readmodel.ConversationPage;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.application.readmodel.ConversationView;
import ai.zelto.application.readmodel.PageCursor;
import ai.zelto.application.readmodel.SearchHit;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.user.Member;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;

/**
 * {@code /conversations}: the org's calls, newest first, 50 to a page with keyset cursors ({@code cursor} for
 * older, {@code before} for newer), every filter in the URL (see {@link ListFilters}). With a search, each row
 * shows the turn that matched, and opening it lands on that turn.
 */
@Path("/conversations")
@Produces(Page.HTML)
public final class ConversationsPageResource {
    static final int PAGE_SIZE = 50;

    private final ListConversationsUseCase conversations;
    private final ListAgentsUseCase agents;
    private final Layout layout;
    private final Clock clock;

    /** The list page's model. */
    public record ListView(Chrome chrome, ListFilters filters, List<Row> rows, List<Option> agents,
                           List<Option> providers, List<String> problems, String olderUrl, String newerUrl) {
    }

    /** One call of the list. */
    public record Row(String href, String startedIso, String startedLabel, String agentName, String version,
                      String provider, String providerLabel, String duration, String cost, String endedReason,
                      String customer, List<SearchHit.Fragment> snippet) {
    }

    /** A choice of a filter's select; {@code selected} when it is the current filter. */
    public record Option(String value, String label, boolean selected) {
    }

    public ConversationsPageResource(ListConversationsUseCase conversations, ListAgentsUseCase agents, Layout layout,
                                     Clock clock) {
        this.conversations = conversations;
        this.agents = agents;
        this.layout = layout;
        this.clock = clock;
    }

    @GET
    public Page list(@Context ContainerRequestContext request, @Context UriInfo uri) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.member();
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        ListFilters filters = ListFilters.from(query);
        ListFilters.Parsed parsed = filters.parse(clock);
        PageCursor after = cursor(query.getFirst("cursor"));
        PageCursor before = after == null ? cursor(query.getFirst("before")) : null;
        ConversationPage page = conversations.listConversations(new ConversationQuery(member.organizationId(),
                parsed.filter(), PAGE_SIZE, after, before));
        List<Row> rows = page.data().stream().map(view -> row(view, filters, page.hits().get(
                view.conversation().id()))).toList();
        List<Agent> known = agents.agentsOf(member.organizationId());
        List<Option> agentOptions = known.stream().map(agent -> new Option(agent.id().toString(),
                agent.displayName(), agent.id().toString().equals(filters.agent()))).toList();
        List<Option> providerOptions = known.stream().map(Agent::provider).distinct().sorted()
                .map(provider -> new Option(provider, Formats.provider(provider), provider.equals(filters.provider())))
                .toList();
        return new Page("conversations.jte", new ListView(layout.chrome(visitor, "Conversations", "conversations"),
                filters, rows, agentOptions, providerOptions, parsed.problems(),
                page.next() == null ? null : filters.link("/conversations", "cursor", page.next().encode()),
                page.previous() == null ? null : filters.link("/conversations", "before", page.previous().encode())));
    }

    static Row row(ConversationView view, ListFilters filters, SearchHit hit) {
        Conversation c = view.conversation();
        String href = filters.link("/conversations/" + c.id())
                + (hit != null && hit.turnIndex() >= 0 ? "#turn-" + hit.turnIndex() : "");
        String customer = c.customerName() != null ? c.customerName() : c.customerNumber() == null ? ""
                : c.customerNumber();
        return new Row(href, Formats.iso(c.listedAt()),
                Formats.time(c.listedAt()), view.agent().displayName(),
                c.version() == null ? "" : c.version(), c.provider(), Formats.provider(c.provider()),
                Formats.duration(c.durationSeconds()), Formats.cost(c.cost()),
                c.endedReason() == null ? "" : c.endedReason(), customer, hit == null ? List.of() : hit.snippet());
    }

    static PageCursor cursor(String text) {
        return text == null || text.isEmpty() ? null : PageCursor.decode(text).orElse(null);
    }
}
