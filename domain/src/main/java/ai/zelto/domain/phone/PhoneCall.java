package ai.zelto.domain.phone;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A phone call between a person and an agent, on WhatsApp or through Twilio, bridged by LiveKit's Connector into
 * a room the agent's worker is dispatched to. Its transcript arrives later as a conversation whose external id is
 * the room name.
 *
 * <p>Its status only moves forward — dialing, ringing, connected, then one of ended, failed or rejected — because
 * the providers' webhooks arrive late, twice, or out of order: a late "ringing" never reopens a finished call.
 *
 * @param providerCallId WhatsApp's call id ({@code wacid.…}) or Twilio's CallSid; null until the provider gave it
 * @param from who called, E.164 (or the provider's own address when it is not a number)
 * @param endedByZelto whether Zelto hung up itself (then the provider's "terminated" needs no answer)
 */
public record PhoneCall(PhoneCallId id, OrganizationId organizationId, Channel channel, Direction direction,
                        Status status, String from, String to, AgentId agentId, String roomName,
                        String providerCallId, Instant startedAt, Instant connectedAt, Instant endedAt,
                        Integer durationSeconds, String reason, boolean endedByZelto) {
    /** Where the call is carried. */
    public enum Channel {
        WHATSAPP, TWILIO;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Channel parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }

        public static List<String> names() {
            return Arrays.stream(values()).map(Channel::wireName).toList();
        }
    }

    /** Who called whom: a person the business (inbound) or the business a person (outbound). */
    public enum Direction {
        INBOUND, OUTBOUND;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Direction parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }

        public static List<String> names() {
            return Arrays.stream(values()).map(Direction::wireName).toList();
        }
    }

    /** Where the call is in its life; each status has a stage, and a call only moves to a later stage. */
    public enum Status {
        DIALING(0), RINGING(1), CONNECTED(2), ENDED(3), FAILED(3), REJECTED(3);

        private final int stage;

        Status(int stage) {
            this.stage = stage;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }

        public static List<String> names() {
            return Arrays.stream(values()).map(Status::wireName).toList();
        }

        public boolean isFinal() {
            return stage == 3;
        }

        /** The statuses a call may be in for it to move to this one. */
        public List<Status> reachableFrom() {
            return Arrays.stream(values()).filter(earlier -> earlier.stage < stage).toList();
        }
    }

    public PhoneCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(roomName, "roomName");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /**
     * A new call, before the provider has it: the business calls out (dialing), or a person's call is ringing.
     * Its room is named for it: {@code call_{id}}.
     */
    public static PhoneCall begin(OrganizationId organizationId, Channel channel, Direction direction, String from,
                                  String to, AgentId agentId, String providerCallId, Instant now) {
        PhoneCallId id = PhoneCallId.newId();
        return new PhoneCall(id, organizationId, channel, direction,
                direction == Direction.OUTBOUND ? Status.DIALING : Status.RINGING, from, to, agentId, roomName(id),
                providerCallId, now, null, null, null, null, false);
    }

    /** The room of a call. */
    public static String roomName(PhoneCallId id) {
        return "call_" + id;
    }

    /** The person's number: who called in, or who was called. */
    public String personNumber() {
        return direction == Direction.INBOUND ? from : to;
    }

    /** Whether moving to {@code next} is a step forward. */
    public boolean canMoveTo(Status next) {
        return next.reachableFrom().contains(status);
    }
}
