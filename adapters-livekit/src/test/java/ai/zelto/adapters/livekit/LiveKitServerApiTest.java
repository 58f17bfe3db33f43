package ai.zelto.adapters.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.port.out.LiveKit;
import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveKitServerApiTest {
    private static final byte[] ROOM_FINISHED = """
            {"event":"room_finished","room":{"sid":"RM_hycBMAjmt6Ub","name":"agent_a_u_1705312800000",\
            "emptyTimeout":300,"creationTime":"1705312800"},"id":"EV_3Gr8tYdZ2rqv","createdAt":"1705313100"}"""
            .getBytes(StandardCharsets.UTF_8);
    private static final Function<String, List<String>> SECRETS = key -> key.equals(FakeLiveKitServer.API_KEY)
            ? List.of("another-secret-known-for-the-key", FakeLiveKitServer.API_SECRET) : List.of();

    private static FakeLiveKitServer fake;
    private final LiveKitServerApi api = new LiveKitServerApi(Duration.ofSeconds(5));

    @BeforeAll
    static void start() throws Exception {
        fake = new FakeLiveKitServer();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void clear() {
        fake.clear();
    }

    private static LiveKit.Endpoint endpoint() {
        return new LiveKit.Endpoint(fake.wsUrl(), FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET);
    }

    @Test
    void createsTheRoomWithTheWorkerDispatchedInOneRequest() throws Exception {
        api.createRoom(endpoint(), "agent_a_u_1", new LiveKit.Dispatch("support-worker", "{\"agent_id\":\"a\"}"));

        assertThat(fake.requests()).hasSize(1);
        FakeLiveKitServer.Request request = fake.requests("CreateRoom").get(0);
        assertThat(request.contentType()).startsWith("application/protobuf");
        assertThat(request.video()).containsEntry("roomCreate", true);
        LivekitRoom.CreateRoomRequest create = (LivekitRoom.CreateRoomRequest) request.body();
        assertThat(create.getName()).isEqualTo("agent_a_u_1");
        assertThat(create.getAgentsList()).singleElement().satisfies(agent -> {
            assertThat(agent.getAgentName()).isEqualTo("support-worker");
            assertThat(agent.getMetadata()).isEqualTo("{\"agent_id\":\"a\"}");
        });
        assertThat(fake.rooms()).contains("agent_a_u_1");
    }

    @Test
    void deletingARoomTwiceIsNotAFailure() throws Exception {
        api.createRoom(endpoint(), "room-to-delete", new LiveKit.Dispatch("w", "{}"));
        api.deleteRoom(endpoint(), "room-to-delete");
        api.deleteRoom(endpoint(), "room-to-delete");

        assertThat(fake.rooms()).doesNotContain("room-to-delete");
        assertThat(fake.requests("DeleteRoom")).hasSize(2);
    }

    @Test
    void refusalsAndOutagesAreFailuresThatNameNoSecret() throws Exception {
        LiveKit.Endpoint wrongSecret = new LiveKit.Endpoint(fake.wsUrl(), FakeLiveKitServer.API_KEY,
                "not-the-secret-of-this-key-at-all");
        assertThatThrownBy(() -> api.createRoom(wrongSecret, "r", new LiveKit.Dispatch("w", "{}")))
                .isInstanceOf(LiveKit.Failure.class).hasMessageContaining("401")
                .hasMessageNotContaining("not-the-secret");

        fake.failWith(500);
        assertThatThrownBy(() -> api.createRoom(endpoint(), "r", new LiveKit.Dispatch("w", "{}")))
                .isInstanceOf(LiveKit.Failure.class).hasMessageContaining("500");

        LiveKit.Endpoint nobody = new LiveKit.Endpoint("ws://127.0.0.1:1", "k", "s");
        assertThatThrownBy(() -> api.createRoom(nobody, "r", new LiveKit.Dispatch("w", "{}")))
                .isInstanceOf(LiveKit.Failure.class).hasMessageContaining("did not answer");
    }

    @Test
    void theParticipantTokenJoinsThatRoomOnlyForAnHour() {
        String token = api.participantToken(endpoint(), new LiveKit.Participant("agent_a_u_1", "user-1", "Ada",
                Duration.ofHours(1)));

        DecodedJWT jwt = JWT.decode(token);
        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getIssuer()).isEqualTo(FakeLiveKitServer.API_KEY);
        assertThat(jwt.getSubject()).isEqualTo("user-1");
        assertThat(jwt.getClaim("name").asString()).isEqualTo("Ada");
        assertThat(jwt.getExpiresAt().toInstant()).isBetween(Instant.now().plusSeconds(3540),
                Instant.now().plusSeconds(3660));
        Map<String, Object> video = jwt.getClaim("video").asMap();
        assertThat(video).containsEntry("roomJoin", true).containsEntry("room", "agent_a_u_1")
                .containsEntry("canPublish", true).containsEntry("canSubscribe", true)
                .containsEntry("canPublishData", true).doesNotContainKeys("roomCreate", "roomAdmin", "roomList");
    }

    @Test
    void aWebhookSignedAsLiveKitSignsItVerifiesAndReads() {
        Instant now = Instant.now();
        String token = LiveKitWebhookSigner.sign(ROOM_FINISHED, FakeLiveKitServer.API_KEY,
                FakeLiveKitServer.API_SECRET, now);

        Optional<LiveKit.Verified> verified = api.verifyWebhook(ROOM_FINISHED, token, SECRETS, now);

        assertThat(verified).hasValueSatisfying(v -> {
            assertThat(v.apiKey()).isEqualTo(FakeLiveKitServer.API_KEY);
            assertThat(v.event().id()).isEqualTo("EV_3Gr8tYdZ2rqv");
            assertThat(v.event().type()).isEqualTo("room_finished");
            assertThat(v.event().roomName()).isEqualTo("agent_a_u_1705312800000");
            assertThat(v.event().createdAt()).isEqualTo(Instant.ofEpochSecond(1705313100));
        });
    }

    @Test
    void aSenderClockUpToAMinuteOffIsAcceptedAndBeyondItIsNot() {
        Instant now = Instant.now();
        assertThat(api.verifyWebhook(ROOM_FINISHED, LiveKitWebhookSigner.sign(ROOM_FINISHED,
                FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET, now.plusSeconds(30)), SECRETS, now))
                .isPresent();
        assertThat(api.verifyWebhook(ROOM_FINISHED, LiveKitWebhookSigner.sign(ROOM_FINISHED,
                FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET, now.plusSeconds(120)), SECRETS, now))
                .isEmpty();
        assertThat(api.verifyWebhook(ROOM_FINISHED, LiveKitWebhookSigner.sign(ROOM_FINISHED,
                FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET, now.minusSeconds(400)), SECRETS, now))
                .as("expired five minutes after signing, plus the leeway").isEmpty();
    }

    @Test
    void anythingElseDoesNotVerify() {
        Instant now = Instant.now();
        String token = LiveKitWebhookSigner.sign(ROOM_FINISHED, FakeLiveKitServer.API_KEY,
                FakeLiveKitServer.API_SECRET, now);
        byte[] changed = new String(ROOM_FINISHED, StandardCharsets.UTF_8).replace("room_finished", "room_started")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(api.verifyWebhook(changed, token, SECRETS, now)).as("changed body").isEmpty();
        assertThat(api.verifyWebhook(ROOM_FINISHED, "Bearer " + token, SECRETS, now)).as("Bearer prefix").isEmpty();
        assertThat(api.verifyWebhook(ROOM_FINISHED, LiveKitWebhookSigner.sign(ROOM_FINISHED,
                FakeLiveKitServer.API_KEY, "a-wrong-secret-for-this-key", now), SECRETS, now)).as("wrong secret")
                .isEmpty();
        assertThat(api.verifyWebhook(ROOM_FINISHED, LiveKitWebhookSigner.sign(ROOM_FINISHED, "APIunknown",
                FakeLiveKitServer.API_SECRET, now), SECRETS, now)).as("unknown key").isEmpty();
        assertThat(api.verifyWebhook(ROOM_FINISHED, null, SECRETS, now)).isEmpty();
        assertThat(api.verifyWebhook(ROOM_FINISHED, "not a token", SECRETS, now)).isEmpty();
    }

    @Test
    void anEgressThatCompletedGivesItsFiles() {
        byte[] body = """
                {"event":"egress_ended","id":"EV_y","createdAt":"1705313096","egressInfo":{"egressId":"EG_Q4u9",\
                "roomId":"RM_h","roomName":"agent_a_u_1","status":"EGRESS_COMPLETE","startedAt":"1705312806000000000",\
                "fileResults":[{"filename":"r.ogg","duration":"289000000000","size":"2310000",\
                "location":"https://bucket.s3.amazonaws.com/recordings/r.ogg"}]}}""".getBytes(StandardCharsets.UTF_8);
        LiveKit.Event event = LiveKitServerApi.read(body);
        assertThat(event.roomName()).isEqualTo("agent_a_u_1");
        assertThat(event.recordings()).containsExactly("https://bucket.s3.amazonaws.com/recordings/r.ogg");

        byte[] failed = new String(body, StandardCharsets.UTF_8).replace("EGRESS_COMPLETE", "EGRESS_FAILED")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(LiveKitServerApi.read(failed).recordings()).isEmpty();
        assertThatThrownBy(() -> LiveKitServerApi.read("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
