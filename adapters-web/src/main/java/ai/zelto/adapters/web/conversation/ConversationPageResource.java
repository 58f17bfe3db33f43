package ai.zelto.adapters.web.conversation;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.conversation.GetConversationUseCase;
import ai.zelto.application.port.in.conversation.HighlightConversationUseCase;
import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.port.in.delivery.ListDeliveriesUseCase;
import ai.zelto.application.readmodel.ConversationFilter;
import ai.zelto.application.readmodel.ConversationPage;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.application.readmodel.ConversationView;
import ai.zelto.application.readmodel.DeliveryQuery;
import ai.zelto.application.readmodel.PageCursor;
import ai.zelto.application.readmodel.SearchHit;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.conversation.TranscriptTurn;
import ai.zelto.domain.recording.Recording;
import ai.zelto.domain.user.Member;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /conversations/{id}}: the transcript as speaker turns with their offsets, the player on the stored
 * recording, the call's details and every delivery of it. The list's filters ride along in the URL, so previous
 * and next step through the list the reader came from, and a search's words are marked in the turns.
 */
@Path("/conversations/{id}")
@Produces(Page.HTML)
public final class ConversationPageResource {
    private final GetConversationUseCase conversations;
    private final ListConversationsUseCase list;
    private final HighlightConversationUseCase highlights;
    private final ListDeliveriesUseCase deliveries;
    private final Layout layout;
    private final Clock clock;

    /** The conversation page's model. */
    public record DetailView(Chrome chrome, String id, String agentName, String agentHref, String version,
                             String versionHref, String provider, String providerLabel, String startedIso,
                             String startedLabel, String endedLabel, String duration, String cost, String endedReason,
                             String customerName, String customerNumber, String externalId, String systemPrompt,
                             List<Detail> metadata, List<Turn> turns, Audio recording, List<DeliveryRow> deliveries,
                             String backHref, String newerHref, String olderHref, String q, int hits, int firstHit) {
    }

    /** One turn; {@code fragments} mark the searched words. */
    public record Turn(int index, String role, String speaker, String offset, String start, String end,
                       List<SearchHit.Fragment> fragments, boolean hit) {
    }

    /** The recording's state: {@code none}, {@code pending}, {@code stored} or {@code failed}. */
    public record Audio(String state, String src, String reason, String sourceUrl) {
    }

    public record DeliveryRow(String id, String receivedIso, String receivedLabel, String status, String reason,
                              String provider) {
    }

    public record Detail(String key, String value) {
    }

    public ConversationPageResource(GetConversationUseCase conversations, ListConversationsUseCase list,
                                    HighlightConversationUseCase highlights, ListDeliveriesUseCase deliveries,
                                    Layout layout, Clock clock) {
        this.conversations = conversations;
        this.list = list;
        this.highlights = highlights;
        this.deliveries = deliveries;
        this.layout = layout;
        this.clock = clock;
    }

    @GET
    public Page show(@Context ContainerRequestContext request, @Context UriInfo uri, @PathParam("id") String id) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.member();
        ConversationView view = ConversationId.tryParse(id)
                .flatMap(conversationId -> conversations.getConversation(member.organizationId(), conversationId))
                .orElseThrow(NotFoundException::new);
        Conversation c = view.conversation();
        ListFilters filters = ListFilters.from(uri.getQueryParameters());
        ConversationFilter filter = filters.parse(clock).filter();
        Map<Integer, List<SearchHit.Fragment>> marked = filter.text() == null ? Map.of()
                : highlights.highlight(member.organizationId(), c.id(), filter.text());
        List<Turn> turns = new ArrayList<>();
        boolean timed = false;
        for (int i = 0; i < c.turns().size(); i++) {
            TranscriptTurn turn = c.turns().get(i);
            timed |= turn.startSeconds() != null;
            List<SearchHit.Fragment> fragments = marked.getOrDefault(i, List.of(new SearchHit.Fragment(turn.text(),
                    false)));
            turns.add(new Turn(i, turn.role().wireName(), speaker(turn), Formats.offset(turn.startSeconds()),
                    seconds(turn.startSeconds()), seconds(turn.endSeconds()), fragments, marked.containsKey(i)));
        }
        PageCursor here = new PageCursor(c.listedAt(), c.id().value());
        String newer = neighbour(member, filter, null, here, filters);
        String older = neighbour(member, filter, here, null, filters);
        List<DeliveryRow> deliveryRows = deliveries.listDeliveries(new DeliveryQuery(member.organizationId(), null,
                null, c.id(), 50, null)).data().stream().map(delivery -> new DeliveryRow(delivery.id().toString(),
                Formats.iso(delivery.receivedAt()), Formats.time(delivery.receivedAt()),
                delivery.status().wireName(), delivery.reason() == null ? "" : delivery.reason(),
                Formats.provider(delivery.provider()))).toList();
        String agentId = view.agent().id().toString();
        return new Page("conversation.jte", new DetailView(layout.chrome(visitor, view.agent().displayName()
                + " · " + Formats.time(here.sortAt()), "conversations"), c.id().toString(),
                view.agent().displayName(), "/conversations?agent=" + agentId,
                c.version() == null ? "" : c.version(), c.version() == null ? ""
                : new ListFilters("", agentId, "", c.version(), "", "", "", "", "").link("/conversations"),
                c.provider(), Formats.provider(c.provider()), Formats.iso(here.sortAt()), Formats.time(here.sortAt()),
                Formats.time(c.endedAt()), Formats.duration(c.durationSeconds()), Formats.cost(c.cost()),
                text(c.endedReason()), text(c.customerName()), text(c.customerNumber()), c.externalId(),
                text(c.systemPrompt()), metadata(c.metadata()), turns, audio(c, view.recording()), deliveryRows,
                filters.link("/conversations"), newer, older, filters.q(), marked.size(),
                marked.isEmpty() ? -1 : marked.keySet().iterator().next()));
    }

    private String neighbour(Member member, ConversationFilter filter, PageCursor after, PageCursor before,
                             ListFilters filters) {
        ConversationPage page = list.listConversations(new ConversationQuery(member.organizationId(),
                filter, 1, after, before));
        if (page.data().isEmpty()) {
            return null;
        }
        ConversationView next = page.data().get(0);
        SearchHit hit = page.hits().get(next.conversation().id());
        return filters.link("/conversations/" + next.conversation().id())
                + (hit != null && hit.turnIndex() >= 0 ? "#turn-" + hit.turnIndex() : "");
    }

    private static Audio audio(Conversation c, Recording recording) {
        if (recording == null) {
            return new Audio("none", "", "", text(c.recordingUrl()));
        }
        String state = recording.status().wireName();
        return new Audio(state, "/conversations/" + c.id() + "/recording",
                recording.reason() == null ? "" : recording.reason(), text(recording.sourceUrl()));
    }

    private static String speaker(TranscriptTurn turn) {
        return switch (turn.role()) {
            case USER -> "Caller";
            case ASSISTANT -> "Agent";
            default -> Character.toUpperCase(turn.role().wireName().charAt(0)) + turn.role().wireName().substring(1);
        };
    }

    private static List<Detail> metadata(Map<String, Object> metadata) {
        return metadata.entrySet().stream().map(entry -> new Detail(entry.getKey(), String.valueOf(entry.getValue())))
                .toList();
    }

    private static String seconds(Double value) {
        return value == null ? "" : Double.toString(value);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
