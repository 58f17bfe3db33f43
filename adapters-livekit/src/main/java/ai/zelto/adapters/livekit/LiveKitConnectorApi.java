package ai.zelto.adapters.livekit;

import ai.zelto.application.port.out.LiveKit;
import ai.zelto.application.port.out.LiveKitConnector;
import io.livekit.server.AccessToken;
import io.livekit.server.ConnectorService;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomName;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import livekit.LivekitAgentDispatch;
import livekit.LivekitConnectorTwilio;
import livekit.LivekitConnectorWhatsapp;
import livekit.LivekitRtc;
import okhttp3.OkHttpClient;
import retrofit2.Response;

/**
 * LiveKit's Connector service with the official SDK's Retrofit {@link ConnectorService} (protobuf), requests
 * built here: the SDK's {@code ConnectorServiceClient} puts no {@code room} in its token, which LiveKit's Go
 * client does for calls that open a room, and takes the options of one call in a mutable Kotlin class. Every
 * call carries a token with {@code roomCreate} (and the room, where there is one), as LiveKit's clients send.
 * The Meta access token travels in the request body, never in a log line.
 */
public final class LiveKitConnectorApi implements LiveKitConnector {
    private static final long SERVICE_TOKEN_TTL_MILLIS = Duration.ofMinutes(10).toMillis();

    private final OkHttpClient http;
    private final Map<String, ConnectorService> services = new ConcurrentHashMap<>();

    /** @param timeout the longest one call may take, connection included */
    public LiveKitConnectorApi(Duration timeout) {
        this.http = Twirp.http(timeout);
    }

    @Override
    public Dialed dialWhatsApp(LiveKit.Endpoint endpoint, WhatsAppAccount account, String to, Room room,
                               String callbackData) throws LiveKit.Failure {
        LivekitConnectorWhatsapp.DialWhatsAppCallRequest.Builder request = LivekitConnectorWhatsapp
                .DialWhatsAppCallRequest.newBuilder()
                .setWhatsappPhoneNumberId(account.phoneNumberId())
                .setWhatsappToPhoneNumber(to)
                .setWhatsappApiKey(account.accessToken())
                .setWhatsappCloudApiVersion(account.cloudApiVersion())
                .setRoomName(room.roomName())
                .addAgents(dispatch(room))
                .setParticipantIdentity(room.identity())
                .setParticipantName(room.name());
        if (callbackData != null) {
            request.setWhatsappBizOpaqueCallbackData(callbackData);
        }
        LivekitConnectorWhatsapp.DialWhatsAppCallResponse response = execute("DialWhatsAppCall",
                () -> service(endpoint).dialWhatsAppCall(request.build(), authorization(endpoint, room.roomName()))
                        .execute());
        if (response.getWhatsappCallId().isEmpty()) {
            throw new LiveKit.Failure("DialWhatsAppCall: LiveKit answered no whatsapp_call_id", null);
        }
        return new Dialed(response.getWhatsappCallId(),
                response.getRoomName().isEmpty() ? room.roomName() : response.getRoomName());
    }

    @Override
    public void acceptWhatsApp(LiveKit.Endpoint endpoint, WhatsAppAccount account, String whatsappCallId,
                               String offerSdp, Room room) throws LiveKit.Failure {
        LivekitConnectorWhatsapp.AcceptWhatsAppCallRequest request = LivekitConnectorWhatsapp
                .AcceptWhatsAppCallRequest.newBuilder()
                .setWhatsappPhoneNumberId(account.phoneNumberId())
                .setWhatsappApiKey(account.accessToken())
                .setWhatsappCloudApiVersion(account.cloudApiVersion())
                .setWhatsappCallId(whatsappCallId)
                .setSdp(LivekitRtc.SessionDescription.newBuilder().setType("offer").setSdp(offerSdp))
                .setRoomName(room.roomName())
                .addAgents(dispatch(room))
                .setParticipantIdentity(room.identity())
                .setParticipantName(room.name())
                .build(); // wait_until_answered stays false: the answer comes once the call is accepted
        execute("AcceptWhatsAppCall", () -> service(endpoint).acceptWhatsAppCall(request,
                authorization(endpoint, room.roomName())).execute());
    }

    @Override
    public void connectWhatsApp(LiveKit.Endpoint endpoint, String whatsappCallId, String answerSdp)
            throws LiveKit.Failure {
        LivekitConnectorWhatsapp.ConnectWhatsAppCallRequest request = LivekitConnectorWhatsapp
                .ConnectWhatsAppCallRequest.newBuilder()
                .setWhatsappCallId(whatsappCallId)
                .setSdp(LivekitRtc.SessionDescription.newBuilder().setType("answer").setSdp(answerSdp))
                .build();
        execute("ConnectWhatsAppCall", () -> service(endpoint).connectWhatsAppCall(request,
                authorization(endpoint, null)).execute());
    }

    @Override
    public void disconnectWhatsApp(LiveKit.Endpoint endpoint, String whatsappCallId, String accessToken,
                                   boolean businessInitiated) throws LiveKit.Failure {
        LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest.Builder request = LivekitConnectorWhatsapp
                .DisconnectWhatsAppCallRequest.newBuilder()
                .setWhatsappCallId(whatsappCallId)
                .setDisconnectReason(businessInitiated
                        ? LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest.DisconnectReason.BUSINESS_INITIATED
                        : LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest.DisconnectReason.USER_INITIATED);
        if (accessToken != null) {
            request.setWhatsappApiKey(accessToken);
        }
        execute("DisconnectWhatsAppCall", () -> service(endpoint).disconnectWhatsAppCall(request.build(),
                authorization(endpoint, null)).execute());
    }

    @Override
    public String connectTwilio(LiveKit.Endpoint endpoint, boolean inbound, Room room) throws LiveKit.Failure {
        LivekitConnectorTwilio.ConnectTwilioCallRequest request = LivekitConnectorTwilio.ConnectTwilioCallRequest
                .newBuilder()
                .setTwilioCallDirection(inbound
                        ? LivekitConnectorTwilio.ConnectTwilioCallRequest.TwilioCallDirection
                        .TWILIO_CALL_DIRECTION_INBOUND
                        : LivekitConnectorTwilio.ConnectTwilioCallRequest.TwilioCallDirection
                        .TWILIO_CALL_DIRECTION_OUTBOUND)
                .setRoomName(room.roomName())
                .addAgents(dispatch(room))
                .setParticipantIdentity(room.identity())
                .setParticipantName(room.name())
                .build();
        return execute("ConnectTwilioCall", () -> service(endpoint).connectTwilioCall(request,
                authorization(endpoint, room.roomName())).execute()).getConnectUrl();
    }

    private static LivekitAgentDispatch.RoomAgentDispatch dispatch(Room room) {
        return LivekitAgentDispatch.RoomAgentDispatch.newBuilder().setAgentName(room.dispatch().agentName())
                .setMetadata(room.dispatch().metadata()).build();
    }

    private ConnectorService service(LiveKit.Endpoint endpoint) {
        return services.computeIfAbsent(endpoint.serverUrl(),
                url -> Twirp.service(http, endpoint, ConnectorService.class));
    }

    private static String authorization(LiveKit.Endpoint endpoint, String roomName) {
        AccessToken token = new AccessToken(endpoint.apiKey(), endpoint.apiSecret());
        token.setTtl(SERVICE_TOKEN_TTL_MILLIS);
        token.addGrants(new RoomCreate(true));
        if (roomName != null) {
            token.addGrants(new RoomName(roomName));
        }
        return "Bearer " + token.toJwt();
    }

    private interface Call<T> {
        Response<T> run() throws IOException;
    }

    /** Runs a call: a non-2xx answer is a {@link Refused} with LiveKit's words, no answer a failure. */
    private static <T> T execute(String method, Call<T> call) throws LiveKit.Failure {
        Response<T> response;
        try {
            response = call.run();
        } catch (IOException | RuntimeException unreachable) {
            throw new LiveKit.Failure(method + ": LiveKit did not answer (" + unreachable.getMessage() + ")",
                    unreachable);
        }
        if (response.isSuccessful() && response.body() != null) {
            return response.body();
        }
        String detail = Twirp.errorBody(response);
        throw new Refused(method + ": LiveKit answered HTTP " + response.code() + " " + detail,
                Twirp.message(detail, response.code()));
    }
}
