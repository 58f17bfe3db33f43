package ai.zelto.adapters.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.AccessToken;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake answers as LiveKit does where tests rely on it: JSON Twirp, grants, Twirp's error shape. */
class FakeLiveKitServerTest {
    private static FakeLiveKitServer fake;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        fake = new FakeLiveKitServer();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private HttpResponse<String> post(String method, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.httpUrl() + "/twirp/livekit." + method))
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(io.livekit.server.VideoGrant... grants) {
        AccessToken token = new AccessToken(FakeLiveKitServer.API_KEY, FakeLiveKitServer.API_SECRET);
        token.setIdentity("test");
        token.addGrants(grants);
        return token.toJwt();
    }

    @Test
    void jsonRequestsInEitherCase_getSnakeCaseAnswersWithDefaults() throws Exception {
        HttpResponse<String> created = post("RoomService/CreateRoom", token(new RoomCreate(true)),
                "{\"name\": \"json-room\", \"emptyTimeout\": 30, \"agents\": [{\"agent_name\": \"w\"}]}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(created.body()).contains("\"name\": \"json-room\"", "\"empty_timeout\": 30",
                "\"max_participants\": 0");
        assertThat(fake.requests("CreateRoom")).last().satisfies(request ->
                assertThat(((livekit.LivekitRoom.CreateRoomRequest) request.body()).getAgents(0).getAgentName())
                        .isEqualTo("w"));
    }

    @Test
    void aMissingOrBadToken_is401_aTokenWithoutTheGrant_403_andErrorsAreTwirps() throws Exception {
        HttpResponse<String> none = post("RoomService/CreateRoom", null, "{\"name\": \"r\"}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"code\":\"unauthenticated\"");
        assertThat(post("RoomService/CreateRoom", "not.a.token", "{}").statusCode()).isEqualTo(401);

        HttpResponse<String> joinOnly = post("RoomService/CreateRoom", token(new RoomJoin(true), new RoomName("r")),
                "{\"name\": \"r\"}");
        assertThat(joinOnly.statusCode()).isEqualTo(403);
        assertThat(joinOnly.body()).contains("\"code\":\"permission_denied\"");

        HttpResponse<String> missing = post("RoomService/DeleteRoom", token(new RoomCreate(true)),
                "{\"room\": \"never-created\"}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"code\":\"not_found\"");
        assertThat(post("RoomService/NoSuchMethod", token(new RoomCreate(true)), "{}").body())
                .contains("bad_route");
    }

    @Test
    void agentDispatchNeedsRoomAdminForThatRoom() throws Exception {
        String body = "{\"agent_name\": \"w\", \"room\": \"room-a\", \"metadata\": \"{}\"}";
        assertThat(post("AgentDispatchService/CreateDispatch", token(new io.livekit.server.RoomAdmin(true),
                new RoomName("room-b")), body).statusCode()).isEqualTo(403);
        assertThat(post("AgentDispatchService/CreateDispatch", token(new io.livekit.server.RoomAdmin(true),
                new RoomName("room-a")), body).statusCode()).isEqualTo(200);
    }
}
