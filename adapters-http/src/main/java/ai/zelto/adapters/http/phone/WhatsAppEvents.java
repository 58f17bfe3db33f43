package ai.zelto.adapters.http.phone;

import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.phone.WhatsAppEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The call events of a WhatsApp webhook body: every {@code entry[]} × {@code changes[]} with {@code field: "calls"},
 * each of its {@code calls[]} (connect, terminate) and {@code statuses[]} (ringing, accepted, rejected). Read as
 * Meta sends them, which is not always as its documentation prints them: a terminate's {@code status} is a plain
 * string (an array in the docs), times are strings of unix seconds, errors sit in the call or beside it.
 */
final class WhatsAppEvents {
    private WhatsAppEvents() {
    }

    /**
     * @throws IllegalArgumentException when the body is not a WhatsApp webhook object
     */
    static List<WhatsAppEvent> read(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("entry").isArray()) {
            throw new IllegalArgumentException("not a WhatsApp webhook: an object with entry[] was expected");
        }
        List<WhatsAppEvent> events = new ArrayList<>();
        for (JsonNode entry : body.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (!"calls".equals(change.path("field").asText())) {
                    continue; // messages and the rest: not for calls
                }
                JsonNode value = change.path("value");
                String numberId = text(value.path("metadata").path("phone_number_id"));
                String business = text(value.path("metadata").path("display_phone_number"));
                JsonNode contact = value.path("contacts").path(0);
                String name = text(contact.path("profile").path("name"));
                String valueError = error(value.path("errors"));
                for (JsonNode call : value.path("calls")) {
                    call(call, numberId, business, name, valueError).ifPresent(events::add);
                }
                for (JsonNode status : value.path("statuses")) {
                    String id = text(status.path("id"));
                    String type = text(status.path("type"));
                    if (id == null || (type != null && !type.equals("call"))) {
                        continue;
                    }
                    events.add(new WhatsAppEvent(WhatsAppEvent.Kind.STATUS, id, numberId, business, null, business,
                            text(status.path("recipient_id")), name, null, null, upper(status.path("status")),
                            seconds(status.path("timestamp")), null, null, null, error(status.path("errors")),
                            text(status.path("biz_opaque_callback_data"))));
                }
            }
        }
        return events;
    }

    private static Optional<WhatsAppEvent> call(JsonNode call, String numberId, String business,
                                                          String name, String valueError) {
        String id = text(call.path("id"));
        String event = text(call.path("event"));
        if (id == null || event == null) {
            return Optional.empty();
        }
        WhatsAppEvent.Kind kind = switch (event.toLowerCase(Locale.ROOT)) {
            case "connect" -> WhatsAppEvent.Kind.CONNECT;
            case "terminate" -> WhatsAppEvent.Kind.TERMINATE;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        String direction = text(call.path("direction"));
        PhoneCall.Direction way = "USER_INITIATED".equalsIgnoreCase(direction) ? PhoneCall.Direction.INBOUND
                : "BUSINESS_INITIATED".equalsIgnoreCase(direction) ? PhoneCall.Direction.OUTBOUND : null;
        JsonNode session = call.path("session");
        String sdp = text(session.path("sdp"));
        if (sdp == null) {
            sdp = text(call.path("connection").path("webrtc").path("sdp"));
        }
        JsonNode duration = call.path("duration");
        String callError = error(call.path("errors"));
        return Optional.of(new WhatsAppEvent(kind, id, numberId, business, way, text(call.path("from")),
                text(call.path("to")), name, text(session.path("sdp_type")), sdp, upper(call.path("status")),
                seconds(call.path("timestamp")), seconds(call.path("start_time")), seconds(call.path("end_time")),
                duration.canConvertToInt() ? Integer.valueOf(duration.asInt())
                        : duration.isTextual() && duration.asText().matches("[0-9]{1,9}")
                        ? Integer.valueOf(duration.asText()) : null,
                callError != null ? callError : valueError, text(call.path("biz_opaque_callback_data"))));
    }

    private static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText() : null;
    }

    /** A status as Meta sends it (a string) or as its documentation prints it (an array): upper case. */
    private static String upper(JsonNode node) {
        JsonNode value = node.isArray() ? node.path(0) : node;
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static Long seconds(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        String text = text(node);
        return text != null && text.matches("[0-9]{1,12}") ? Long.valueOf(text) : null;
    }

    /** The words of the first error: its details, else its title, else its message, with its code. */
    private static String error(JsonNode errors) {
        JsonNode first = errors.path(0);
        if (first.isMissingNode()) {
            return null;
        }
        String words = text(first.path("error_data").path("details"));
        if (words == null) {
            words = text(first.path("title"));
        }
        if (words == null) {
            words = text(first.path("message"));
        }
        String code = text(first.path("code"));
        return words == null ? code : code == null ? words : words + " (" + code + ")";
    }
}
