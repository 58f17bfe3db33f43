package ai.zelto.application.service.voice;

import ai.zelto.application.port.in.ingest.AcceptDeliveryCommand;
import ai.zelto.application.port.in.ingest.AcceptDeliveryResult;
import ai.zelto.application.port.in.ingest.AcceptDeliveryUseCase;
import ai.zelto.application.port.in.voice.ReceiveLiveKitWebhookUseCase;
import ai.zelto.application.port.out.LiveKit;
import ai.zelto.application.port.out.UnitOfWork;
import ai.zelto.application.port.out.VoiceSessionRepository;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
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
 * {@code room_started} makes the room's session active, {@code room_finished} ends it at the event's time, and
 * {@code egress_ended} with a completed file gives the room's conversation that recording — as a delivery of
 * provider {@code livekit} naming the session's agent, so that ingestion's merge, re-hosting and ordering rules
 * hold whether the transcript came before or comes after.
 *
 * <p>A key may only act on its own organization's sessions: the operator's key on any session, an
 * organization's key on that organization's sessions. Rooms Zelto did not create are ignored.
 */
public final class LiveKitWebhookService implements ReceiveLiveKitWebhookUseCase {
    private static final System.Logger LOG = System.getLogger(LiveKitWebhookService.class.getName());

    private final LiveKit liveKit;
    private final LiveKitConnections connections;
    private final VoiceSessionRepository sessions;
    private final AcceptDeliveryUseCase deliveries;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public LiveKitWebhookService(LiveKit liveKit, LiveKitConnections connections, VoiceSessionRepository sessions,
                                 AcceptDeliveryUseCase deliveries, UnitOfWork unitOfWork, Clock clock) {
        this.liveKit = liveKit;
        this.connections = connections;
        this.sessions = sessions;
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
        Optional<VoiceSession> session = Optional.ofNullable(event.roomName()).flatMap(sessions::findByRoom)
                .filter(found -> mayActOn(verified, ownersOf.apply(verified.apiKey()), found));
        if (session.isEmpty()) {
            return;
        }
        VoiceSession room = session.get();
        Instant at = event.createdAt() == null ? now : event.createdAt();
        if (event.type().equals("egress_ended")) {
            event.recordings().stream().filter(LiveKitWebhookService::isHttp).findFirst()
                    .ifPresent(url -> forwardRecording(room, url, event.id()));
        }
        unitOfWork.inTransaction(() -> {
            switch (event.type()) {
                case "room_started" -> sessions.started(room.roomName(), at);
                case "room_finished" -> sessions.ended(room.roomName(), at);
                default -> {
                    // nothing else changes a session
                }
            }
            sessions.remember(event.id(), now);
            return null;
        });
    }

    /** Whether the key that signed the event belongs to whoever owns the session. */
    private static boolean mayActOn(LiveKit.Verified verified, List<LiveKitConnections.KeyOwner> owners,
                                    VoiceSession session) {
        return owners.stream()
                .filter(owner -> owner.secret().equals(verified.apiSecret()))
                .anyMatch(owner -> owner.organizationId() == null
                        || owner.organizationId().equals(session.organizationId()));
    }

    private void forwardRecording(VoiceSession session, String url, String eventId) {
        String body = "{\"call\":{\"externalId\":" + jsonString(session.roomName()) + ",\"recordingUrl\":"
                + jsonString(url) + "},\"agentId\":\"" + session.agentId() + "\"}";
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

    /** A JSON string literal (hand-written: the application module has no JSON library, and this is all it needs). */
    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
