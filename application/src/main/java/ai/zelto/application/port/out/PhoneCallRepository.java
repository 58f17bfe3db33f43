package ai.zelto.application.port.out;

import ai.zelto.application.readmodel.PhoneCallFilter;
import ai.zelto.application.readmodel.PhoneCallView;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.phone.PhoneCallId;
import ai.zelto.domain.phone.WhatsAppEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Phone calls, and the provider webhook events already received. Every change of a call's status is a step
 * forward ({@link PhoneCall#canMoveTo}) made in one statement, so webhooks racing each other cannot move a call
 * back.
 */
public interface PhoneCallRepository {
    /** A position in the newest-first order. */
    record Position(Instant startedAt, PhoneCallId id) {
    }

    /** A WhatsApp event kept until it has been acted on, and the organization whose hook it came to. */
    record PendingEvent(String key, OrganizationId organizationId, WhatsAppEvent event) {
    }

    void insert(PhoneCall call);

    Optional<PhoneCallView> find(OrganizationId organizationId, PhoneCallId id);

    /** The call with this id, whatever its organization (callers check it). */
    Optional<PhoneCall> get(PhoneCallId id);

    /** The call the provider knows by this id, whatever its organization (callers check it). */
    Optional<PhoneCall> findByProviderCallId(PhoneCall.Channel channel, String providerCallId);

    /** The call in a room, whatever its organization: for LiveKit's webhooks, which name only the room. */
    Optional<PhoneCall> findByRoom(String roomName);

    /** Newest first, after {@code after} when given. */
    List<PhoneCallView> list(OrganizationId organizationId, PhoneCallFilter filter, int limit, Position after);

    /** Records the provider's id of a call that had none yet; false when it already had another one. */
    boolean identify(PhoneCallId id, String providerCallId);

    /**
     * Moves the call to {@code status} if that is a step forward, noting when it connected or finished (the first
     * time only) and the reason (unless it has one).
     *
     * @return whether the call moved
     */
    boolean advance(PhoneCallId id, PhoneCall.Status status, Instant at, String reason);

    /** Notes the call's length and end time as the provider reports them, unless already known. */
    void measured(PhoneCallId id, Integer durationSeconds, Instant endedAt);

    /** Fills in the numbers of a call that lacked them (the business's WhatsApp number, once Meta names it). */
    void numbers(PhoneCallId id, String from, String to);

    /** Notes that Zelto hung up itself (the provider will report the end too). */
    void endedByZelto(PhoneCallId id);

    /**
     * Remembers that an event with this key was received.
     *
     * @return false when it already had been (a retried webhook): then nothing is done again
     */
    boolean firstTime(String key, OrganizationId organizationId, Instant at);

    /**
     * Keeps a WhatsApp event to be acted on, unless one with its key was received before.
     *
     * @return false for a repeat
     */
    boolean keep(String key, OrganizationId organizationId, WhatsAppEvent event, Instant at);

    /**
     * Takes a kept event to act on now: unclaimed, or claimed longer ago than {@code lease} (whoever claimed it
     * stopped). Empty when it is done or another worker has it.
     */
    Optional<PendingEvent> claim(String key, Instant now, Duration lease);

    /** Events not yet done, received before {@code before}, oldest first. */
    List<String> unfinished(Instant before, int limit);

    void done(String key, Instant at);

    /**
     * Forgets at most {@code limit} events received before {@code before} that are done (an event not yet acted on
     * is kept, however old).
     *
     * @return how many were forgotten
     */
    int forgetEvents(Instant before, int limit);
}
