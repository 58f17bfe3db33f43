package ai.zelto.adapters.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.port.out.LiveKit;
import ai.zelto.application.port.out.LiveKitConnector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import livekit.LivekitConnectorTwilio;
import livekit.LivekitConnectorWhatsapp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Connector calls against the fake LiveKit: protobuf, the grant LiveKit's clients send, and refusals. */
class LiveKitConnectorApiTest {
    private static final LiveKitConnector.WhatsAppAccount ACCOUNT = new LiveKitConnector.WhatsAppAccount(
            "106540352242922", "EAAGsecret", "23.0");
    private static FakeLiveKitServer fake;
    private final LiveKitConnectorApi api = new LiveKitConnectorApi(Duration.ofSeconds(5));

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

    private static LiveKitConnector.Room room() {
        return new LiveKitConnector.Room("call_1", new LiveKit.Dispatch("phone-worker", "{\"phone_call_id\":\"1\"}"),
                "whatsapp_16315550100", "+16315550100");
    }

    @Test
    void dial_sendsTheCallInProtobufWithRoomCreateForThatRoom_andAnswersMetasCallId() throws Exception {
        fake.nextWhatsAppCallId("wacid.ABC==");
        LiveKitConnector.Dialed dialed = api.dialWhatsApp(endpoint(), ACCOUNT, "16315550100", room(), "our-id");
        assertThat(dialed).isEqualTo(new LiveKitConnector.Dialed("wacid.ABC==", "call_1"));
        FakeLiveKitServer.Request request = fake.requests("DialWhatsAppCall").get(0);
        assertThat(request.contentType()).startsWith("application/protobuf");
        assertThat(request.video()).containsEntry("roomCreate", true).containsEntry("room", "call_1");
        LivekitConnectorWhatsapp.DialWhatsAppCallRequest dial =
                (LivekitConnectorWhatsapp.DialWhatsAppCallRequest) request.body();
        assertThat(dial.getWhatsappApiKey()).isEqualTo("EAAGsecret");
        assertThat(dial.getWhatsappCloudApiVersion()).isEqualTo("23.0");
        assertThat(dial.getWhatsappBizOpaqueCallbackData()).isEqualTo("our-id");
        assertThat(dial.getAgents(0).getAgentName()).isEqualTo("phone-worker");
        assertThat(dial.getParticipantIdentity()).isEqualTo("whatsapp_16315550100");
        assertThat(request.token().getExpiresAt()).isNotNull();
    }

    @Test
    void acceptConnectAndDisconnect_carryTheSdpAndTheReason() throws Exception {
        api.acceptWhatsApp(endpoint(), ACCOUNT, "wacid.IN", "v=0 offer", room());
        api.connectWhatsApp(endpoint(), "wacid.OUT", "v=0 answer");
        api.disconnectWhatsApp(endpoint(), "wacid.IN", null, false);
        api.disconnectWhatsApp(endpoint(), "wacid.OUT", "EAAGsecret", true);
        var accept = (LivekitConnectorWhatsapp.AcceptWhatsAppCallRequest) fake.requests("AcceptWhatsAppCall").get(0)
                .body();
        assertThat(accept.getSdp().getType()).isEqualTo("offer");
        assertThat(accept.getWaitUntilAnswered()).isFalse();
        var connect = (LivekitConnectorWhatsapp.ConnectWhatsAppCallRequest) fake.requests("ConnectWhatsAppCall").get(0)
                .body();
        assertThat(connect.getSdp().getType()).isEqualTo("answer");
        assertThat(fake.requests("DisconnectWhatsAppCall")).extracting(r -> ((LivekitConnectorWhatsapp
                .DisconnectWhatsAppCallRequest) r.body()).getDisconnectReason()).containsExactly(
                LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest.DisconnectReason.USER_INITIATED,
                LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest.DisconnectReason.BUSINESS_INITIATED);
        assertThat(fake.requests("ConnectWhatsAppCall").get(0).video()).containsEntry("roomCreate", true);
    }

    @Test
    void aSecondDisconnect_isLiveKitsRefusal_inItsOwnWords() throws Exception {
        api.disconnectWhatsApp(endpoint(), "wacid.TWICE", null, false);
        assertThatThrownBy(() -> api.disconnectWhatsApp(endpoint(), "wacid.TWICE", null, false))
                .isInstanceOfSatisfying(LiveKitConnector.Refused.class,
                        refused -> assertThat(refused.said()).isEqualTo("call already disconnected"));
    }

    @Test
    void twilio_answersTheStreamUrl_inboundBeingTheZeroValue() throws Exception {
        String inbound = api.connectTwilio(endpoint(), true, room());
        String outbound = api.connectTwilio(endpoint(), false, room());
        assertThat(inbound).startsWith("wss://").endsWith("/0");
        assertThat(outbound).endsWith("/1");
        // proto3 JSON leaves the zero value out: a request without the direction is an inbound call
        HttpResponse<String> json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.httpUrl()
                        + "/twirp/livekit.Connector/ConnectTwilioCall"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + connectorToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"room_name\":\"r\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("wss://connector.livekit.test/twilio/r/0");
        assertThat(((LivekitConnectorTwilio.ConnectTwilioCallRequest) fake.requests("ConnectTwilioCall").get(2).body())
                .getTwilioCallDirection()).isEqualTo(LivekitConnectorTwilio.ConnectTwilioCallRequest
                .TwilioCallDirection.TWILIO_CALL_DIRECTION_INBOUND);
    }

    private static String connectorToken() {
        io.livekit.server.AccessToken token = new io.livekit.server.AccessToken(FakeLiveKitServer.API_KEY,
                FakeLiveKitServer.API_SECRET);
        token.addGrants(new io.livekit.server.RoomCreate(true));
        return token.toJwt();
    }

    @Test
    void refusalsCarryLiveKitsWords_andAnUnreachableServerIsAFailureWithoutThem() {
        fake.failMethod("DialWhatsAppCall", 400, "invalid_argument", "(#138013) Business-initiated calling is not"
                + " available");
        assertThatThrownBy(() -> api.dialWhatsApp(endpoint(), ACCOUNT, "1", room(), null))
                .isInstanceOfSatisfying(LiveKitConnector.Refused.class, refused -> {
                    assertThat(refused.said()).contains("138013");
                    assertThat(refused.getMessage()).doesNotContain("EAAGsecret");
                });
        LiveKit.Endpoint nowhere = new LiveKit.Endpoint("http://127.0.0.1:9", "k", "s");
        assertThatThrownBy(() -> api.connectTwilio(nowhere, true, room()))
                .isInstanceOf(LiveKit.Failure.class).isNotInstanceOf(LiveKitConnector.Refused.class);
        LiveKit.Endpoint wrongSecret = new LiveKit.Endpoint(fake.wsUrl(), FakeLiveKitServer.API_KEY, "not-it");
        assertThatThrownBy(() -> api.connectWhatsApp(wrongSecret, "wacid.X", "v=0"))
                .isInstanceOfSatisfying(LiveKitConnector.Refused.class,
                        refused -> assertThat(refused.said()).isEqualTo("invalid token"));
    }
}
