package ai.zelto.adapters.livekit;

import ai.zelto.application.port.out.LiveKit;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.livekit.server.RoomService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import livekit.LivekitAgentDispatch;
import livekit.LivekitEgress;
import livekit.LivekitRoom;
import livekit.LivekitWebhook;
import okhttp3.OkHttpClient;
import retrofit2.Response;

/**
 * LiveKit's server API with the official SDK. Rooms are created with the SDK's Retrofit {@link RoomService} and
 * a request built here, because the SDK's {@code RoomServiceClient.createRoom} has no parameter for the agents to
 * dispatch; one {@code CreateRoom} carrying {@code agents} creates the room and dispatches the worker at once.
 *
 * <p>Webhooks are verified here rather than with the SDK's {@code WebhookReceiver}, which allows no clock skew
 * (LiveKit stamps {@code nbf} with its own clock, so a sender a second ahead is refused) and knows one secret:
 * the token is checked with java-jwt (HS256 with the secret of the key in {@code iss}, {@code exp} required, 60 s
 * of leeway), then its {@code sha256} claim against the exact body bytes.
 */
public final class LiveKitServerApi implements LiveKit {
    /** The clock skew allowed on webhook tokens, as LiveKit's own Go verifier allows on every token. */
    static final Duration LEEWAY = Duration.ofSeconds(60);
    /** How long the token of one server call is valid. */
    private static final long SERVICE_TOKEN_TTL_MILLIS = Duration.ofMinutes(10).toMillis();
    /** Rooms nobody joins close after this; rooms everyone left, after the departure timeout. */
    private static final int EMPTY_TIMEOUT_SECONDS = 300;
    private static final int DEPARTURE_TIMEOUT_SECONDS = 20;
    private static final JsonFormat.Parser EVENTS = JsonFormat.parser().ignoringUnknownFields();

    private final OkHttpClient http;
    private final Map<String, RoomService> services = new ConcurrentHashMap<>();

    /** @param timeout the longest one call to LiveKit may take, connection included */
    public LiveKitServerApi(Duration timeout) {
        this.http = Twirp.http(timeout);
    }

    @Override
    public void createRoom(Endpoint endpoint, String roomName, Dispatch dispatch) throws Failure {
        LivekitRoom.CreateRoomRequest request = LivekitRoom.CreateRoomRequest.newBuilder()
                .setName(roomName)
                .setEmptyTimeout(EMPTY_TIMEOUT_SECONDS)
                .setDepartureTimeout(DEPARTURE_TIMEOUT_SECONDS)
                .addAgents(LivekitAgentDispatch.RoomAgentDispatch.newBuilder()
                        .setAgentName(dispatch.agentName())
                        .setMetadata(dispatch.metadata()))
                .build();
        execute("CreateRoom", () -> service(endpoint).createRoom(request, serviceAuthorization(endpoint)).execute(),
                false);
    }

    @Override
    public void deleteRoom(Endpoint endpoint, String roomName) throws Failure {
        LivekitRoom.DeleteRoomRequest request = LivekitRoom.DeleteRoomRequest.newBuilder().setRoom(roomName).build();
        execute("DeleteRoom", () -> service(endpoint).deleteRoom(request, serviceAuthorization(endpoint)).execute(),
                true);
    }

    @Override
    public String participantToken(Endpoint endpoint, Participant participant) {
        AccessToken token = new AccessToken(endpoint.apiKey(), endpoint.apiSecret());
        token.setIdentity(participant.identity());
        token.setName(participant.name());
        token.setTtl(participant.validity().toMillis());
        token.addGrants(new RoomJoin(true), new RoomName(participant.roomName()), new CanPublish(true),
                new CanSubscribe(true), new CanPublishData(true));
        return token.toJwt();
    }

    @Override
    public Optional<Verified> verifyWebhook(byte[] body, String authorization, Function<String, List<String>> secretsOf,
                                            Instant now) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        DecodedJWT unverified;
        try {
            unverified = JWT.decode(authorization.strip());
        } catch (JWTVerificationException notAToken) {
            return Optional.empty();
        }
        String apiKey = unverified.getIssuer();
        if (apiKey == null || unverified.getExpiresAt() == null) {
            return Optional.empty();
        }
        for (String secret : secretsOf.apply(apiKey)) {
            try {
                DecodedJWT verified = ((com.auth0.jwt.JWTVerifier.BaseVerification) JWT
                        .require(Algorithm.HMAC256(secret)).withIssuer(apiKey).acceptLeeway(LEEWAY.toSeconds()))
                        .build(Clock.fixed(now, ZoneOffset.UTC)).verify(unverified);
                String claimed = verified.getClaim("sha256").asString();
                if (claimed == null || !MessageDigest.isEqual(claimed.getBytes(StandardCharsets.US_ASCII),
                        sha256(body).getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.empty();
                }
                return Optional.of(new Verified(apiKey, secret, read(body)));
            } catch (JWTVerificationException wrongSecretOrStale) {
                // try the next secret known for this key
            }
        }
        return Optional.empty();
    }

    /** The base64 (standard, padded) SHA-256 of the body, as LiveKit puts it in the token. */
    static String sha256(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The parts of the event Zelto acts on.
     *
     * @throws IllegalArgumentException when the body is not a webhook event
     */
    static Event read(byte[] body) {
        LivekitWebhook.WebhookEvent.Builder event = LivekitWebhook.WebhookEvent.newBuilder();
        try {
            EVENTS.merge(new String(body, StandardCharsets.UTF_8), event);
        } catch (InvalidProtocolBufferException malformed) {
            throw new IllegalArgumentException("not a LiveKit webhook event: " + malformed.getMessage());
        }
        String room = event.hasRoom() && !event.getRoom().getName().isEmpty() ? event.getRoom().getName()
                : event.hasEgressInfo() && !event.getEgressInfo().getRoomName().isEmpty()
                ? event.getEgressInfo().getRoomName() : null;
        List<String> recordings = new ArrayList<>();
        if (event.hasEgressInfo() && event.getEgressInfo().getStatus() == LivekitEgress.EgressStatus.EGRESS_COMPLETE) {
            LivekitEgress.EgressInfo egress = event.getEgressInfo();
            egress.getFileResultsList().forEach(file -> addLocation(recordings, file.getLocation()));
            if (egress.hasFile()) {
                addLocation(recordings, egress.getFile().getLocation());
            }
        }
        Instant createdAt = event.getCreatedAt() > 0 ? Instant.ofEpochSecond(event.getCreatedAt()) : null;
        return new Event(event.getId(), event.getEvent(), room, createdAt, recordings);
    }

    private static void addLocation(List<String> recordings, String location) {
        if (!location.isEmpty() && !recordings.contains(location)) {
            recordings.add(location);
        }
    }

    private RoomService service(Endpoint endpoint) {
        return services.computeIfAbsent(endpoint.serverUrl(), url -> Twirp.service(http, endpoint, RoomService.class));
    }

    private static String serviceAuthorization(Endpoint endpoint) {
        AccessToken token = new AccessToken(endpoint.apiKey(), endpoint.apiSecret());
        token.setTtl(SERVICE_TOKEN_TTL_MILLIS);
        token.addGrants(new RoomCreate(true));
        return "Bearer " + token.toJwt();
    }

    private interface Call {
        Response<?> run() throws IOException;
    }

    /** Runs a call; a non-2xx answer is a failure (a 404 too, unless {@code notFoundIsDone}). */
    private static void execute(String method, Call call, boolean notFoundIsDone) throws Failure {
        Response<?> response;
        try {
            response = call.run();
        } catch (IOException | RuntimeException unreachable) {
            throw new Failure(method + ": LiveKit did not answer (" + unreachable.getMessage() + ")", unreachable);
        }
        if (response.isSuccessful() || (notFoundIsDone && response.code() == 404)) {
            return;
        }
        String detail = Twirp.errorBody(response);
        throw new Failure(method + ": LiveKit answered HTTP " + response.code() + " "
                + detail, null);
    }
}
