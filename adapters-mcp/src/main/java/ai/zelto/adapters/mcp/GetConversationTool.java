package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.conversation.GetConversationUseCase;
import ai.zelto.application.readmodel.ConversationView;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.conversation.TranscriptTurn;
import ai.zelto.domain.recording.Recording;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code get_conversation}: one call's facts and its transcript a page of turns at a time. Turns are given whole
 * while their rows fit {@link #TURN_CHARS} characters of JSON; a single turn longer than that is cut, marked with
 * its length, and the next page starts where the cut did ({@code textFrom}). The system prompt and metadata come with the first
 * page only, each up to {@link #FIELD_CHARS} characters; a longer one is cut and says so.
 */
final class GetConversationTool implements ZeltoTool {
    /** The transcript text one page holds at most. */
    static final int TURN_CHARS = 50_000;
    /** The system prompt's and the metadata's (as JSON) share of the first page. */
    static final int FIELD_CHARS = 8_000;
    static final int MAX_TURNS = 500;
    /** What a turn's row holds besides its text and URL, in characters of JSON, at most. */
    private static final int ROW_CHARS = 140;
    private final GetConversationUseCase conversations;
    private final ObjectMapper json;

    GetConversationTool(GetConversationUseCase conversations, ObjectMapper json) {
        this.conversations = conversations;
        this.json = json;
    }

    @Override
    public String name() {
        return "get_conversation";
    }

    @Override
    public String title() {
        return "Get conversation";
    }

    @Override
    public String description() {
        return "One call: its agent, version, times, duration, cost, ended reason, customer, recording state, and its"
                + " transcript a page of turns at a time (fromTurn, maxTurns; follow 'next' while hasMore is true)."
                + " The system prompt and metadata come with the page that starts at turn 0. Each turn links to its"
                + " place in the console.";
    }

    @Override
    public Set<String> arguments() {
        return Set.of("conversationId", "fromTurn", "maxTurns", "textFrom");
    }

    @Override
    public String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "required": ["conversationId"], "properties": {
                  "conversationId": {"type": "string",
                                     "description": "The conversation's id, from search_conversations."},
                  "fromTurn": {"type": "integer", "minimum": 0, "default": 0,
                               "description": "The zero-based index of the first turn to return."},
                  "maxTurns": {"type": "integer", "minimum": 1, "maximum": 500, "default": 100,
                               "description": "How many turns at most."},
                  "textFrom": {"type": "integer", "minimum": 0, "default": 0,
                               "description": "Where the first turn's text starts (next.textFrom)."}}}""";
    }

    @Override
    public String outputSchema() {
        return """
                {"type": "object", "required": ["conversation", "turns", "totalTurns", "fromTurn", "hasMore"],
                 "properties": {
                  "conversation": {"type": "object", "required": ["id", "agent", "provider", "url"], "properties": {
                    "id": {"type": "string"}, "externalId": {"type": "string"},
                    "agent": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                      "url": {"type": "string"}}},
                    "version": {"type": ["string", "null"]}, "provider": {"type": "string"},
                    "startedAt": {"type": ["string", "null"]}, "endedAt": {"type": ["string", "null"]},
                    "durationSeconds": {"type": ["number", "null"]}, "endedReason": {"type": ["string", "null"]},
                    "cost": {"type": ["number", "null"]}, "customerName": {"type": ["string", "null"]},
                    "customerNumber": {"type": ["string", "null"]},
                    "recording": {"type": ["string", "null"],
                                  "description": "pending, stored or failed; null when the call had none."},
                    "url": {"type": "string"}}},
                  "systemPrompt": {"type": ["string", "null"]},
                  "metadata": {"type": ["object", "null"]},
                  "cut": {"type": "array", "items": {"type": "string"},
                          "description": "What this page shortened, and how to read it whole."},
                  "turns": {"type": "array", "items": {"type": "object", "required": ["index", "role", "text", "url"],
                    "properties": {"index": {"type": "integer"}, "role": {"type": "string"},
                      "text": {"type": "string"}, "startSeconds": {"type": ["number", "null"]},
                      "endSeconds": {"type": ["number", "null"]}, "url": {"type": "string"},
                      "textFrom": {"type": "integer", "description": "Present when the text starts past 0."},
                      "textLength": {"type": "integer", "description": "The whole text's length, when cut."}}}},
                  "totalTurns": {"type": "integer"}, "fromTurn": {"type": "integer"}, "hasMore": {"type": "boolean"},
                  "next": {"type": ["object", "null"], "properties": {
                    "fromTurn": {"type": "integer"}, "textFrom": {"type": "integer"}}}}}""";
    }

    @Override
    public Map<String, Object> call(Caller caller, Arguments arguments) {
        String id = arguments.required("conversationId");
        ConversationView view = ConversationId.tryParse(id)
                .flatMap(conversationId -> conversations.getConversation(caller.key().organizationId(),
                        conversationId))
                .orElseThrow(() -> new ToolError("no conversation of this organization has the id '" + id
                        + "': take one from search_conversations"));
        Conversation c = view.conversation();
        List<TranscriptTurn> all = c.turns();
        int fromTurn = arguments.integer("fromTurn", 0, 0, Integer.MAX_VALUE);
        int maxTurns = arguments.integer("maxTurns", 100, 1, MAX_TURNS);
        int textFrom = arguments.integer("textFrom", 0, 0, Integer.MAX_VALUE);
        if (fromTurn > all.size() || fromTurn == all.size() && fromTurn > 0) {
            throw new ToolError("'fromTurn' is past the last turn: this conversation has " + all.size() + " turns"
                    + " (indexes 0 to " + (all.size() - 1) + ")");
        }
        if (textFrom > 0 && (fromTurn >= all.size() || textFrom >= all.get(fromTurn).text().length())) {
            throw new ToolError("'textFrom' is past the end of turn " + fromTurn + "'s text");
        }
        String url = caller.url("/conversations/" + c.id());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("conversation", facts(view, url, caller));
        List<String> cut = new ArrayList<>();
        if (fromTurn == 0 && textFrom == 0) {
            result.put("systemPrompt", systemPrompt(c.systemPrompt(), url, cut));
            result.put("metadata", metadata(c.metadata(), url, cut));
        }
        List<Map<String, Object>> turns = new ArrayList<>();
        int budget = TURN_CHARS;
        int index = fromTurn;
        int nextTextFrom = 0;
        while (index < all.size() && turns.size() < maxTurns) {
            TranscriptTurn turn = all.get(index);
            int start = index == fromTurn ? textFrom : 0;
            String text = turn.text().substring(start);
            String turnUrl = url + "#turn-" + index;
            int cost = jsonLength(text) + turnUrl.length() + ROW_CHARS;
            if (cost > budget && !turns.isEmpty()) {
                break; // the next page starts at this turn, whole
            }
            int shown = cost <= budget ? text.length() : cutAt(text, budget - turnUrl.length() - ROW_CHARS);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", index);
            row.put("role", turn.role().wireName());
            row.put("text", text.substring(0, shown));
            row.put("startSeconds", turn.startSeconds());
            row.put("endSeconds", turn.endSeconds());
            row.put("url", turnUrl);
            if (start > 0) {
                row.put("textFrom", start);
            }
            if (start > 0 || shown < text.length()) {
                row.put("textLength", turn.text().length());
            }
            turns.add(row);
            budget -= cost;
            if (shown < text.length()) {
                nextTextFrom = start + shown;
                cut.add("turn " + index + " is " + turn.text().length() + " characters; this page has characters "
                        + start + " to " + nextTextFrom + ": call again with fromTurn " + index + " and textFrom "
                        + nextTextFrom + " for the rest");
                break;
            }
            index++;
        }
        boolean more = nextTextFrom > 0 || index < all.size();
        if (!cut.isEmpty()) {
            result.put("cut", cut);
        }
        result.put("turns", turns);
        result.put("totalTurns", all.size());
        result.put("fromTurn", fromTurn);
        result.put("hasMore", more);
        result.put("next", more ? Map.of("fromTurn", index, "textFrom", nextTextFrom) : null);
        return result;
    }

    private int jsonLength(String text) {
        try {
            return json.writeValueAsString(text).length();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * How many characters of a text that does not fit go in {@code room} characters of JSON: in proportion to
     * what escaping makes of it, and never between the two halves of a surrogate pair.
     */
    private int cutAt(String text, int room) {
        long shown = Math.max(1, (long) Math.max(room, 1) * text.length() / jsonLength(text));
        int at = (int) Math.min(shown, text.length() - 1);
        if (at > 0 && Character.isHighSurrogate(text.charAt(at - 1))) {
            at--;
        }
        return Math.max(at, 1);
    }

    private static Map<String, Object> facts(ConversationView view, String url, Caller caller) {
        Conversation c = view.conversation();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", c.id().toString());
        facts.put("externalId", c.externalId());
        facts.put("agent", Map.of("id", view.agent().id().toString(), "name", view.agent().displayName(),
                "url", caller.url("/agents/" + view.agent().id())));
        facts.put("version", c.version());
        facts.put("provider", c.provider());
        facts.put("startedAt", c.startedAt() == null ? null : c.startedAt().toString());
        facts.put("endedAt", c.endedAt() == null ? null : c.endedAt().toString());
        facts.put("durationSeconds", c.durationSeconds());
        facts.put("endedReason", c.endedReason());
        facts.put("cost", c.cost());
        facts.put("customerName", c.customerName());
        facts.put("customerNumber", c.customerNumber());
        Recording recording = view.recording();
        facts.put("recording", recording == null ? null : recording.status().wireName());
        facts.put("url", url);
        return facts;
    }

    private static String systemPrompt(String prompt, String url, List<String> cut) {
        if (prompt == null || prompt.length() <= FIELD_CHARS) {
            return prompt;
        }
        cut.add("the system prompt is " + prompt.length() + " characters; this page has the first " + FIELD_CHARS
                + ": the console page " + url + " shows it whole");
        return prompt.substring(0, FIELD_CHARS);
    }

    private Map<String, Object> metadata(Map<String, Object> metadata, String url, List<String> cut) {
        String text;
        try {
            text = json.writeValueAsString(metadata);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        if (text.length() <= FIELD_CHARS) {
            return metadata;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        List<String> left = new ArrayList<>();
        int size = 2;
        for (Map.Entry<String, Object> entry : metadata.entrySet()) {
            int entrySize;
            try {
                entrySize = json.writeValueAsString(Map.of(entry.getKey(), entry.getValue() == null ? "" :
                        entry.getValue())).length();
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
            if (size + entrySize <= FIELD_CHARS) {
                kept.put(entry.getKey(), entry.getValue());
                size += entrySize;
            } else {
                left.add(entry.getKey());
            }
        }
        cut.add("the metadata is " + text.length() + " characters as JSON; this page leaves out the keys " + left
                + ": the console page " + url + " shows them");
        return kept;
    }
}
