package ai.zelto.domain.phone;

import java.util.Objects;

/**
 * One call event of Meta's WhatsApp webhooks ({@code field: "calls"}): a {@code connect} with the SDP offer (a
 * person calls) or answer (the business's call was picked up), a {@code terminate}, or a {@code status} of a call
 * the business placed. Meta retries a webhook for days and batches several events in one; the
 * {@link #dedupeKey()} names an event whichever delivery it came in.
 *
 * @param callId          Meta's call id ({@code wacid.…})
 * @param phoneNumberId   the business number's id ({@code metadata.phone_number_id})
 * @param businessNumber  the business number's digits ({@code metadata.display_phone_number}), or null
 * @param direction       who called (null on a status event)
 * @param from            the {@code from} digits, or null; {@code to} likewise
 * @param personName      the person's WhatsApp profile name, or null
 * @param sdpType         {@code offer} or {@code answer} on a connect, else null; {@code sdp} the SDP itself
 * @param status          terminate: {@code COMPLETED} or {@code FAILED}; status: {@code RINGING}, {@code ACCEPTED}
 *                        or {@code REJECTED}; upper case
 * @param timestamp       when Meta says it happened, unix seconds, or null; {@code startTime}, {@code endTime}
 *                        likewise (a picked-up call's terminate)
 * @param durationSeconds a picked-up call's length on terminate, else null
 * @param error           Meta's words for what went wrong, or null
 * @param callbackData    {@code biz_opaque_callback_data}: what Zelto passed when it dialled, echoed
 */
public record WhatsAppEvent(Kind kind, String callId, String phoneNumberId, String businessNumber,
                            PhoneCall.Direction direction, String from, String to, String personName,
                            String sdpType, String sdp, String status, Long timestamp, Long startTime, Long endTime,
                            Integer durationSeconds, String error, String callbackData) {
    /** What happened. */
    public enum Kind { CONNECT, TERMINATE, STATUS }

    public WhatsAppEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(callId, "callId");
    }

    /** One key per event of one call: a retried or re-batched delivery of it has the same. */
    public String dedupeKey() {
        return callId + "|" + kind + (kind == Kind.STATUS ? "|" + status : "");
    }

    /** The person's number, E.164, when Meta gave one: whichever of from and to is not the business. */
    public String personNumber() {
        String person;
        if (businessNumber != null && businessNumber.equals(from)) {
            person = to;
        } else if (businessNumber != null && businessNumber.equals(to)) {
            person = from;
        } else {
            person = direction == PhoneCall.Direction.OUTBOUND ? to : from;
        }
        return PhoneNumber.parse(person).orElse(person);
    }
}
