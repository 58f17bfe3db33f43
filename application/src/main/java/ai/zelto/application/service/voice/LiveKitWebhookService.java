package ai.zelto.application.service.voice;

import ai.zelto.application.port.in.ingest.AcceptDeliveryCommand;
import ai.zelto.application.port.in.ingest.AcceptDeliveryResult;
import ai.zelto.application.port.in.ingest.AcceptDeliveryUseCase;
import ai.zelto.application.port.in.voice.ReceiveLiveKitWebhookUseCase;
import ai.zelto.application.port.out.LiveKit;
import ai.zelto.application.port.out.PhoneCallRepository;
import ai.zelto.application.port.out.UnitOfWork;
import ai.zelto.application.port.out.VoiceSessionRepository;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.application.text.JsonText;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.phone.PhoneCallId;
import ai.zelto.domain.voice.VoiceSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * LiveKit's webhooks. Verified first (see {@link LiveKit#verifyWebhook}); then, once per event id:
 * {@code room_started} makes the room's session active, {@code room_finished} ends it (or the phone call in the
 * room, when the provider did not say so first) at the event's time, and {@code egress_ended} with a completed
 * file gives the room's conversation that recording — as a delivery of provider {@code livekit} naming the room's
 * agent, so that ingestion's merge, re-hosting and ordering rules hold whether the transcript came before or comes
 * after.
 *
 * <p>A key may only act on its own organization's rooms: the operator's key on any, an organization's key on that
 * organization's. Rooms Zelto did not create are ignored.
 */
public final class LiveKitWebhookService implements ReceiveLiveKitWebhookUseCase {
    private static final System.Logger LOG = System.getLogger(LiveKitWebhookService.class.getName());

    private final LiveKit liveKit;
    private final LiveKitConnections connections;
    private final VoiceSessionRepository sessions;
    private final PhoneCallRepository calls;
    private final AcceptDeliveryUseCase deliveries;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    /** A room Zelto started: a voice session's, or a phone call's. */
    private record StartedRoom(String roomName, OrganizationId organizationId, AgentId agentId, PhoneCallId call) {
    }

    public LiveKitWebhookService(LiveKit liveKit, LiveKitConnections connections, VoiceSessionRepository sessions,
                                 PhoneCallRepository calls, AcceptDeliveryUseCase deliveries, UnitOfWork unitOfWork,
                                 Clock clock) {
        this.liveKit = liveKit;
        this.connections = connections;
        this.sessions = sessions;
        this.calls = calls;
        this.deliveries = deliveries;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public void receive(byte[] body, String authorization) {
        Instant now = clock.instant();
        // who holds a key is read once per webhook: for the signature, then for which rooms it may touch
        Map<String, List<LiveKitConnections.KeyOwner>> owners = new HashMap<>();
        Function<String, List<LiveKitConnections.KeyOwner>> ownersOf =
                key -> owners.computeIfAbsent(key, connections::ownersOf);
        LiveKit.Verified verified = liveKit.verifyWebhook(body, authorization, key -> ownersOf.apply(key)
                .stream().map(LiveKitConnections.KeyOwner::secret).distinct().toList(), now)
                .orElseThrow(NotSigned::new);
        LiveKit.Event event = verified.event();
        if (event.id() == null || event.id().isEmpty() || sessions.seen(event.id())) {
            return;
        }
        Optional<StartedRoom> started = Optional.ofNullable(event.roomName()).flatMap(this::startedRoom)
                .filter(found -> mayActOn(verified, ownersOf.apply(verified.apiKey()), found.organizationId()));
        if (started.isEmpty()) {
            return;
        }
        StartedRoom room = started.get();
        Instant at = event.createdAt() == null ? now : event.createdAt();
        if (event.type().equals("egress_ended") && room.agentId() != null) {
            event.recordings().stream().filter(LiveKitWebhookService::isHttp).findFirst()
                    .ifPresent(url -> forwardRecording(room, url, event.id()));
        }
        unitOfWork.inTransaction(() -> {
            switch (event.type()) {
                case "room_started" -> {
                    if (room.call() == null) {
                        sessions.started(room.roomName(), at);
                    }
                }
                case "room_finished" -> {
                    if (room.call() == null) {
                        sessions.ended(room.roomName(), at);
                    } else {
                        calls.advance(room.call(), PhoneCall.Status.ENDED, at, null);
                    }
                }
                default -> {
                    // nothing else changes a session or a call
                }
            }
            sessions.remember(event.id(), now);
            return null;
        });
    }

    private Optional<StartedRoom> startedRoom(String roomName) {
        Optional<VoiceSession> session = sessions.findByRoom(roomName);
        if (session.isPresent()) {
            return Optional.of(new StartedRoom(roomName, session.get().organizationId(), session.get().agentId(),
                    null));
        }
        return calls.findByRoom(roomName)
                .map(call -> new StartedRoom(roomName, call.organizationId(), call.agentId(), call.id()));
    }

    /** Whether the key that signed the event belongs to whoever owns the room. */
    private static boolean mayActOn(LiveKit.Verified verified, List<LiveKitConnections.KeyOwner> owners,
                                    OrganizationId organizationId) {
        return owners.stream()
                .filter(owner -> owner.secret().equals(verified.apiSecret()))
                .anyMatch(owner -> owner.organizationId() == null || owner.organizationId().equals(organizationId));
    }

    private void forwardRecording(StartedRoom session, String url, String eventId) {
        String body = "{\"call\":{\"externalId\":" + JsonText.quote(session.roomName()) + ",\"recordingUrl\":"
                + JsonText.quote(url) + "},\"agentId\":\"" + session.agentId() + "\"}";
        RawDelivery raw = new RawDelivery(body.getBytes(StandardCharsets.UTF_8), Map.of(
                "content-type", List.of("application/json"), "x-zelto-source", List.of("livekit-egress " + eventId)));
        AcceptDeliveryResult result = deliveries.accept(new AcceptDeliveryCommand(session.organizationId(),
                LiveKitConnections.INTEGRATION, raw, DeliveryContext.Channel.HOOK_URL));
        if (!(result instanceof AcceptDeliveryResult.Stored)) {
            LOG.log(System.Logger.Level.WARNING, "the recording of room " + session.roomName()
                    + " was not accepted: " + result);
        }
    }

    private static boolean isHttp(String location) {
        return location.startsWith("https://") || location.startsWith("http://");
    }
}
