package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.readmodel.ConversationFilter;
import ai.zelto.application.readmodel.ConversationPage;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.application.readmodel.ConversationView;
import ai.zelto.application.readmodel.PageCursor;
import ai.zelto.application.readmodel.SearchHit;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.conversation.Conversation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code search_conversations}: the conversation list's filters and words, newest first, one compact row per call
 * with where the words matched (the turn's index and an excerpt) and the console URL down to that turn.
 */
final class SearchConversationsTool implements ZeltoTool {
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 20;
    private final ListConversationsUseCase conversations;
    private final Clock clock;

    SearchConversationsTool(ListConversationsUseCase conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "search_conversations";
    }

    @Override
    public String title() {
        return "Search conversations";
    }

    @Override
    public String description() {
        return "Finds finished calls and chats, newest first. 'q' searches what was said (and the customer's name and"
                + " number, the call's external id) in web-search syntax: words, \"a phrase\", or, -word. Filter by"
                + " agent, version, provider, ended reason, one metadata key, and a time window (lastDays, or from/to)."
                + " Each row has the agent and version that handled the call, and for a search the matching turn's"
                + " index and excerpt; read a whole transcript with get_conversation.";
    }

    @Override
    public Set<String> arguments() {
        return Set.of("q", "agentId", "version", "provider", "endedReason", "metadataKey", "metadataValue",
                "lastDays", "from", "to", "limit", "cursor");
    }

    @Override
    public String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "q": {"type": "string", "maxLength": 500,
                        "description": "Words the call must contain: words, \\"a phrase\\", or, -word."},
                  "agentId": {"type": "string", "description": "Only this agent's calls (an id from list_agents)."},
                  "version": {"type": "string", "description": "Only calls that ran this version."},
                  "provider": {"type": "string", "description": "Only calls from this provider (vapi, retell, ...)."},
                  "endedReason": {"type": "string", "description": "Only calls that ended for this reason, exactly."},
                  "metadataKey": {"type": "string", "description": "With metadataValue: a top-level metadata key."},
                  "metadataValue": {"type": "string", "description": "The value metadataKey must have, as text."},
                  "lastDays": {"type": "integer", "minimum": 1, "maximum": 3650,
                               "description": "Only calls started in the last this many days (instead of from)."},
                  "from": {"type": "string", "description": "Calls started at or after this ISO-8601 UTC time."},
                  "to": {"type": "string", "description": "Calls started before this ISO-8601 UTC time."},
                  "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20,
                            "description": "How many calls at most."},
                  "cursor": {"type": "string", "description": "nextCursor of the previous page."}}}""";
    }

    @Override
    public String outputSchema() {
        return """
                {"type": "object", "required": ["conversations", "hasMore", "listUrl"], "properties": {
                  "conversations": {"type": "array", "items": {"type": "object",
                    "required": ["id", "agent", "provider", "turns", "url"], "properties": {
                    "id": {"type": "string"}, "startedAt": {"type": ["string", "null"]},
                    "agent": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
                    "version": {"type": ["string", "null"]}, "provider": {"type": "string"},
                    "durationSeconds": {"type": ["number", "null"]}, "endedReason": {"type": ["string", "null"]},
                    "cost": {"type": ["number", "null"]}, "customer": {"type": ["string", "null"]},
                    "turns": {"type": "integer"}, "url": {"type": "string"},
                    "match": {"type": ["object", "null"], "properties": {
                      "turnIndex": {"type": ["integer", "null"],
                                    "description": "Zero-based; null when the words matched outside the turns."},
                      "snippet": {"type": "string"}, "url": {"type": "string"}}}}}},
                  "window": {"type": "object", "properties": {
                    "from": {"type": ["string", "null"]}, "to": {"type": ["string", "null"]}}},
                  "hasMore": {"type": "boolean"}, "nextCursor": {"type": ["string", "null"]},
                  "listUrl": {"type": "string", "description": "The console's list with these filters."}}}""";
    }

    @Override
    public Map<String, Object> call(Caller caller, Arguments arguments) {
        String q = arguments.text("q");
        if (q != null && q.length() > ConversationFilter.MAX_TEXT_LENGTH) {
            throw new ToolError("'q' is at most " + ConversationFilter.MAX_TEXT_LENGTH + " characters");
        }
        String agentText = arguments.text("agentId");
        AgentId agent = agentText == null ? null : AgentId.tryParse(agentText).orElseThrow(() -> new ToolError(
                "'agentId' is not an agent id; take one from list_agents"));
        String metadataKey = arguments.text("metadataKey");
        String metadataValue = arguments.text("metadataValue");
        if ((metadataKey == null) != (metadataValue == null)) {
            throw new ToolError("'metadataKey' and 'metadataValue' go together");
        }
        Instant from = arguments.instant("from");
        Instant to = arguments.instant("to");
        int days = arguments.integer("lastDays", 0, 1, 3650);
        if (days > 0) {
            if (from != null) {
                throw new ToolError("give 'lastDays' or 'from', not both");
            }
            from = clock.instant().minus(Duration.ofDays(days));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ToolError("'from' must be before 'to'");
        }
        int limit = arguments.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String cursorText = arguments.text("cursor");
        PageCursor after = cursorText == null ? null : PageCursor.decode(cursorText).orElseThrow(() -> new ToolError(
                "'cursor' is not a cursor this tool gave: pass nextCursor from its last result, with the same"
                        + " filters, or leave it out for the first page"));
        ConversationFilter filter = new ConversationFilter(agent, arguments.text("provider"),
                arguments.text("version"), null, arguments.text("endedReason"), metadataKey, metadataValue, q, from,
                to);
        ConversationPage page = conversations.listConversations(new ConversationQuery(caller.key().organizationId(),
                filter, limit, after, null));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("conversations", page.data().stream()
                .map(view -> row(view, page.hits().get(view.conversation().id()), caller)).toList());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", from == null ? null : from.toString());
        window.put("to", to == null ? null : to.toString());
        result.put("window", window);
        result.put("hasMore", page.next() != null);
        result.put("nextCursor", page.next() == null ? null : page.next().encode());
        result.put("listUrl", caller.url(listPath(filter)));
        return result;
    }

    static Map<String, Object> row(ConversationView view, SearchHit hit, Caller caller) {
        Conversation c = view.conversation();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", c.id().toString());
        row.put("startedAt", c.startedAt() == null ? null : c.startedAt().toString());
        row.put("agent", Map.of("id", view.agent().id().toString(), "name", view.agent().displayName()));
        row.put("version", c.version());
        row.put("provider", c.provider());
        row.put("durationSeconds", c.durationSeconds());
        row.put("endedReason", c.endedReason());
        row.put("cost", c.cost());
        row.put("customer", c.customerName() != null ? c.customerName() : c.customerNumber());
        row.put("turns", c.turns().size());
        String url = caller.url("/conversations/" + c.id());
        row.put("url", url);
        if (hit != null) {
            Map<String, Object> match = new LinkedHashMap<>();
            match.put("turnIndex", hit.turnIndex() >= 0 ? hit.turnIndex() : null);
            match.put("snippet", hit.text());
            match.put("url", hit.turnIndex() >= 0 ? url + "#turn-" + hit.turnIndex() : url);
            row.put("match", match);
        } else {
            row.put("match", null);
        }
        return row;
    }

    /** The console's list with the filters it has (its time filter is by UTC day, so the window is widened). */
    private static String listPath(ConversationFilter filter) {
        StringBuilder path = new StringBuilder("/conversations");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("q", filter.text());
        query.put("agent", filter.agentId() == null ? null : filter.agentId().toString());
        query.put("provider", filter.provider());
        query.put("version", filter.version());
        query.put("endedReason", filter.endedReason());
        query.put("meta", filter.metadataKey() == null ? null : filter.metadataKey() + "=" + filter.metadataValue());
        query.put("from", filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC).toLocalDate()
                .toString());
        query.put("to", filter.to() == null ? null : filter.to().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate()
                .toString());
        char separator = '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            if (entry.getValue() != null) {
                path.append(separator).append(entry.getKey()).append('=')
                        .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return path.toString();
    }
}
