package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.delivery.ListDeliveriesUseCase;
import ai.zelto.application.readmodel.DeliveryPage;
import ai.zelto.application.readmodel.DeliveryQuery;
import ai.zelto.application.readmodel.DeliveryView;
import ai.zelto.application.readmodel.PageCursor;
import ai.zelto.domain.delivery.DeliveryStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code list_deliveries}: what providers and uploaders sent, newest received first, with where each stands; a
 * failed one carries the reason, so "why is this call missing" is answerable.
 */
final class ListDeliveriesTool implements ZeltoTool {
    static final int MAX_LIMIT = 100;
    private final ListDeliveriesUseCase deliveries;

    ListDeliveriesTool(ListDeliveriesUseCase deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public String name() {
        return "list_deliveries";
    }

    @Override
    public String title() {
        return "List deliveries";
    }

    @Override
    public String description() {
        return "The deliveries (webhooks and uploads describing a call) Zelto received, newest first, with their"
                + " status: pending, processed (merged into the conversation it links), skipped (a call that never"
                + " connected), dropped (an event that is not a finished call) or failed (with the reason). Use"
                + " status 'failed' to find calls that did not arrive.";
    }

    @Override
    public Set<String> arguments() {
        return Set.of("status", "provider", "limit", "cursor");
    }

    @Override
    public String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "status": {"type": "string", "enum": ["pending", "processed", "skipped", "dropped", "failed"]},
                  "provider": {"type": "string", "description": "Only this provider's deliveries (vapi, retell, ...)."},
                  "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 50,
                            "description": "How many deliveries at most."},
                  "cursor": {"type": "string", "description": "nextCursor of the previous page."}}}""";
    }

    @Override
    public String outputSchema() {
        return """
                {"type": "object", "required": ["deliveries", "hasMore", "listUrl"], "properties": {
                  "deliveries": {"type": "array", "items": {"type": "object",
                    "required": ["id", "provider", "receivedAt", "status"], "properties": {
                    "id": {"type": "string"}, "provider": {"type": "string"}, "receivedAt": {"type": "string"},
                    "status": {"type": "string"}, "reason": {"type": ["string", "null"]},
                    "conversationId": {"type": ["string", "null"]},
                    "conversationUrl": {"type": ["string", "null"]}}}},
                  "hasMore": {"type": "boolean"}, "nextCursor": {"type": ["string", "null"]},
                  "listUrl": {"type": "string", "description": "The console's list with these filters."}}}""";
    }

    @Override
    public Map<String, Object> call(Caller caller, Arguments arguments) {
        String statusText = arguments.text("status");
        DeliveryStatus status = statusText == null ? null : Arrays.stream(DeliveryStatus.values())
                .filter(candidate -> candidate.wireName().equals(statusText)).findFirst()
                .orElseThrow(() -> new ToolError("'status' is one of pending, processed, skipped, dropped, failed"));
        String provider = arguments.text("provider");
        int limit = arguments.integer("limit", 50, 1, MAX_LIMIT);
        String cursorText = arguments.text("cursor");
        PageCursor after = cursorText == null ? null : PageCursor.decode(cursorText).orElseThrow(() -> new ToolError(
                "'cursor' is not a cursor this tool gave: pass nextCursor from its last result, with the same"
                        + " filters, or leave it out for the first page"));
        DeliveryPage page = deliveries.listDeliveries(new DeliveryQuery(caller.key().organizationId(), status,
                provider, null, limit, after));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("deliveries", page.data().stream().map(view -> row(view, caller)).toList());
        result.put("hasMore", page.next() != null);
        result.put("nextCursor", page.next() == null ? null : page.next().encode());
        StringBuilder list = new StringBuilder("/deliveries");
        if (status != null) {
            list.append("?status=").append(status.wireName());
        }
        if (provider != null) {
            list.append(status == null ? '?' : '&').append("provider=")
                    .append(URLEncoder.encode(provider, StandardCharsets.UTF_8));
        }
        result.put("listUrl", caller.url(list.toString()));
        return result;
    }

    private static Map<String, Object> row(DeliveryView view, Caller caller) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", view.id().toString());
        row.put("provider", view.provider());
        row.put("receivedAt", view.receivedAt().toString());
        row.put("status", view.status().wireName());
        row.put("reason", view.reason());
        row.put("conversationId", view.conversationId() == null ? null : view.conversationId().toString());
        row.put("conversationUrl", view.conversationId() == null ? null
                : caller.url("/conversations/" + view.conversationId()));
        return row;
    }
}
