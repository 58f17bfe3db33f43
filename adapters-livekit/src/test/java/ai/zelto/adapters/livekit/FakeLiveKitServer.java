package ai.zelto.adapters.livekit;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import livekit.LivekitAgentDispatch;
import livekit.LivekitConnectorTwilio;
import livekit.LivekitConnectorWhatsapp;
import livekit.LivekitModels;
import livekit.LivekitRoom;

/**
 * A LiveKit server for tests, on 127.0.0.1, faithful to the wire protocol where Zelto meets it: Twirp under
 * {@code /twirp} in protobuf and JSON (the answer in the request's encoding; JSON answers with proto field names
 * and default values, as LiveKit's Go server writes them), HS256 bearer tokens verified against its one key,
 * the grant each method needs enforced as LiveKit's own SDK conformance mock ({@code livekit/livekit}
 * {@code cmd/test-server}) does — 401 {@code unauthenticated} for a missing or bad token, 403
 * {@code permission_denied} for a valid token without the grant — and errors in Twirp's JSON shape. Rooms are
 * kept, so deleting a room that does not exist is LiveKit's 404. Every request is recorded; {@code /rtc}
 * connection attempts (what a browser's LiveKit client opens) are recorded too.
 */
public final class FakeLiveKitServer implements AutoCloseable {
    public static final String API_KEY = "APIfake";
    public static final String API_SECRET = "fake-livekit-secret-of-at-least-32-characters";

    /** One Twirp request as the fake understood it. */
    public record Request(String service, String method, String contentType, Message body, DecodedJWT token) {
        /** The token's {@code video} grant. */
        public Map<String, Object> video() {
            Map<String, Object> video = token.getClaim("video").asMap();
            return video == null ? Map.of() : video;
        }
    }

    private record Method(Function<byte[], Message> parseProto, Message.Builder jsonBuilder, String grant,
                          boolean roomMustMatch, Function<Message, Object> handler) {
    }

    private final HttpServer server;
    private final Map<String, Method> methods = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> rtcAttempts = new CopyOnWriteArrayList<>();
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private volatile int failWith;
    private volatile long rtcHoldMillis;
    private volatile long dialHoldMillis;
    private volatile String nextWhatsAppCallId;
    private final AtomicInteger whatsAppCalls = new AtomicInteger();
    private final Set<String> disconnected = ConcurrentHashMap.newKeySet();
    private final Map<String, TwirpError> failing = new ConcurrentHashMap<>();

    public FakeLiveKitServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-livekit");
            thread.setDaemon(true);
            return thread;
        }));
        methods.put("livekit.RoomService/CreateRoom", new Method(bytes -> parse(LivekitRoom.CreateRoomRequest
                .parser(), bytes), LivekitRoom.CreateRoomRequest.newBuilder(), "roomCreate", false, request -> {
                    LivekitRoom.CreateRoomRequest create = (LivekitRoom.CreateRoomRequest) request;
                    rooms.add(create.getName());
                    return LivekitModels.Room.newBuilder().setSid("RM_" + Math.abs(create.getName().hashCode()))
                            .setName(create.getName()).setEmptyTimeout(create.getEmptyTimeout())
                            .setDepartureTimeout(create.getDepartureTimeout())
                            .setCreationTime(System.currentTimeMillis() / 1000).build();
                }));
        methods.put("livekit.RoomService/DeleteRoom", new Method(bytes -> parse(LivekitRoom.DeleteRoomRequest
                .parser(), bytes), LivekitRoom.DeleteRoomRequest.newBuilder(), "roomCreate", false, request -> {
                    String room = ((LivekitRoom.DeleteRoomRequest) request).getRoom();
                    if (!rooms.remove(room)) {
                        return new TwirpError(404, "not_found", "requested room does not exist");
                    }
                    return LivekitRoom.DeleteRoomResponse.getDefaultInstance();
                }));
        methods.put("livekit.RoomService/ListRooms", new Method(bytes -> parse(LivekitRoom.ListRoomsRequest
                .parser(), bytes), LivekitRoom.ListRoomsRequest.newBuilder(), "roomList", false, request -> {
                    LivekitRoom.ListRoomsResponse.Builder list = LivekitRoom.ListRoomsResponse.newBuilder();
                    rooms.forEach(name -> list.addRooms(LivekitModels.Room.newBuilder().setName(name)));
                    return list.build();
                }));
        methods.put("livekit.AgentDispatchService/CreateDispatch", new Method(bytes -> parse(
                LivekitAgentDispatch.CreateAgentDispatchRequest.parser(), bytes),
                LivekitAgentDispatch.CreateAgentDispatchRequest.newBuilder(), "roomAdmin", true, request -> {
                    LivekitAgentDispatch.CreateAgentDispatchRequest dispatch =
                            (LivekitAgentDispatch.CreateAgentDispatchRequest) request;
                    return LivekitAgentDispatch.AgentDispatch.newBuilder().setId("AD_MOCK")
                            .setAgentName(dispatch.getAgentName()).setRoom(dispatch.getRoom())
                            .setMetadata(dispatch.getMetadata()).build();
                }));
        connector();
        server.createContext("/twirp/", this::twirp);
        server.createContext("/rtc", exchange -> {
            rtcAttempts.add(exchange.getRequestURI().toString());
            try {
                Thread.sleep(rtcHoldMillis); // a client then stays "connecting", as against a slow server
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(400, -1); // no WebRTC here: the attempt is what tests look for
            exchange.close();
        });
        server.start();
    }

    private record TwirpError(int status, String code, String msg) {
    }

    /**
     * LiveKit Cloud's Connector (absent from the open-source server): {@code roomCreate} for all five methods, as
     * LiveKit's conformance mock requires. A dial answers a Meta call id ({@code wacid.…}, or the one set with
     * {@link #nextWhatsAppCallId}) after {@link #holdDial}; a second disconnect of one call is refused, as LiveKit
     * refuses it; a Twilio connect answers a {@code wss://} stream URL for the room. An omitted direction (proto3
     * JSON leaves out zero values) reads as the zero value, inbound.
     */
    private void connector() {
        methods.put("livekit.Connector/DialWhatsAppCall", new Method(bytes -> parse(LivekitConnectorWhatsapp
                .DialWhatsAppCallRequest.parser(), bytes), LivekitConnectorWhatsapp.DialWhatsAppCallRequest
                .newBuilder(), "roomCreate", false, request -> {
                    LivekitConnectorWhatsapp.DialWhatsAppCallRequest dial =
                            (LivekitConnectorWhatsapp.DialWhatsAppCallRequest) request;
                    try {
                        Thread.sleep(dialHoldMillis);
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                    String room = dial.getRoomName().isEmpty() ? "wa_" + whatsAppCalls.get() : dial.getRoomName();
                    rooms.add(room);
                    String id = nextWhatsAppCallId != null ? nextWhatsAppCallId
                            : "wacid.FAKE" + whatsAppCalls.incrementAndGet() + "AgoV-Hc5eCgK5Gh==";
                    nextWhatsAppCallId = null;
                    return LivekitConnectorWhatsapp.DialWhatsAppCallResponse.newBuilder().setWhatsappCallId(id)
                            .setRoomName(room).build();
                }));
        methods.put("livekit.Connector/AcceptWhatsAppCall", new Method(bytes -> parse(LivekitConnectorWhatsapp
                .AcceptWhatsAppCallRequest.parser(), bytes), LivekitConnectorWhatsapp.AcceptWhatsAppCallRequest
                .newBuilder(), "roomCreate", false, request -> {
                    LivekitConnectorWhatsapp.AcceptWhatsAppCallRequest accept =
                            (LivekitConnectorWhatsapp.AcceptWhatsAppCallRequest) request;
                    if (!accept.hasSdp() || !accept.getSdp().getType().equals("offer")) {
                        return new TwirpError(400, "invalid_argument", "sdp must be Meta's offer");
                    }
                    String room = accept.getRoomName().isEmpty() ? "wa_in_" + accept.getWhatsappCallId().hashCode()
                            : accept.getRoomName();
                    rooms.add(room);
                    return LivekitConnectorWhatsapp.AcceptWhatsAppCallResponse.newBuilder().setRoomName(room).build();
                }));
        methods.put("livekit.Connector/ConnectWhatsAppCall", new Method(bytes -> parse(LivekitConnectorWhatsapp
                .ConnectWhatsAppCallRequest.parser(), bytes), LivekitConnectorWhatsapp.ConnectWhatsAppCallRequest
                .newBuilder(), "roomCreate", false, request -> {
                    LivekitConnectorWhatsapp.ConnectWhatsAppCallRequest connect =
                            (LivekitConnectorWhatsapp.ConnectWhatsAppCallRequest) request;
                    if (!connect.hasSdp() || !connect.getSdp().getType().equals("answer")) {
                        return new TwirpError(400, "invalid_argument", "sdp must be Meta's answer");
                    }
                    return LivekitConnectorWhatsapp.ConnectWhatsAppCallResponse.getDefaultInstance();
                }));
        methods.put("livekit.Connector/DisconnectWhatsAppCall", new Method(bytes -> parse(LivekitConnectorWhatsapp
                .DisconnectWhatsAppCallRequest.parser(), bytes), LivekitConnectorWhatsapp
                .DisconnectWhatsAppCallRequest.newBuilder(), "roomCreate", false, request -> {
                    LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest disconnect =
                            (LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest) request;
                    if (disconnect.getDisconnectReason() == LivekitConnectorWhatsapp.DisconnectWhatsAppCallRequest
                            .DisconnectReason.BUSINESS_INITIATED && disconnect.getWhatsappApiKey().isEmpty()) {
                        return new TwirpError(400, "invalid_argument", "whatsapp_api_key is required");
                    }
                    if (!disconnected.add(disconnect.getWhatsappCallId())) {
                        return new TwirpError(400, "failed_precondition", "call already disconnected");
                    }
                    return LivekitConnectorWhatsapp.DisconnectWhatsAppCallResponse.getDefaultInstance();
                }));
        methods.put("livekit.Connector/ConnectTwilioCall", new Method(bytes -> parse(LivekitConnectorTwilio
                .ConnectTwilioCallRequest.parser(), bytes), LivekitConnectorTwilio.ConnectTwilioCallRequest
                .newBuilder(), "roomCreate", false, request -> {
                    LivekitConnectorTwilio.ConnectTwilioCallRequest connect =
                            (LivekitConnectorTwilio.ConnectTwilioCallRequest) request;
                    String room = connect.getRoomName().isEmpty() ? "tw_" + System.nanoTime() : connect.getRoomName();
                    rooms.add(room);
                    return LivekitConnectorTwilio.ConnectTwilioCallResponse.newBuilder()
                            .setConnectUrl("wss://connector.livekit.test/twilio/" + room + "/"
                                    + connect.getTwilioCallDirection().getNumber()).build();
                }));
    }

    private void twirp(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/twirp/".length());
            Method method = methods.get(path);
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            boolean json = contentType.startsWith("application/json");
            if (!exchange.getRequestMethod().equals("POST") || method == null
                    || !(json || contentType.startsWith("application/protobuf"))) {
                error(exchange, new TwirpError(404, "bad_route", "no handler for path \"/twirp/" + path + "\""));
                return;
            }
            if (failWith != 0) {
                error(exchange, new TwirpError(failWith, "internal", "the fake was told to fail"));
                return;
            }
            DecodedJWT token = verify(exchange.getRequestHeaders().getFirst("Authorization"));
            if (token == null) {
                error(exchange, new TwirpError(401, "unauthenticated", "invalid token"));
                return;
            }
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Message body;
            try {
                if (json) {
                    Message.Builder builder = method.jsonBuilder().clone();
                    JsonFormat.parser().ignoringUnknownFields().merge(new String(bytes, StandardCharsets.UTF_8),
                            builder);
                    body = builder.build();
                } else {
                    body = method.parseProto().apply(bytes);
                }
            } catch (RuntimeException | com.google.protobuf.InvalidProtocolBufferException malformed) {
                error(exchange, new TwirpError(400, "malformed", "the request could not be decoded"));
                return;
            }
            String[] parts = path.split("/");
            requests.add(new Request(parts[0].substring("livekit.".length()), parts[1], contentType, body, token));
            Map<String, Object> video = token.getClaim("video").asMap();
            boolean granted = video != null && Boolean.TRUE.equals(video.get(method.grant()));
            if (granted && method.roomMustMatch()) {
                Object room = body.getAllFields().entrySet().stream()
                        .filter(field -> field.getKey().getName().equals("room")
                                || field.getKey().getName().equals("room_name"))
                        .map(Map.Entry::getValue).findFirst().orElse("");
                granted = room.equals(video.get("room"));
            }
            if (!granted) {
                error(exchange, new TwirpError(403, "permission_denied", "permissions denied"));
                return;
            }
            TwirpError failure = failing.get(path.substring(path.indexOf('/') + 1));
            if (failure != null) {
                error(exchange, failure);
                return;
            }
            Object answer = method.handler().apply(body);
            if (answer instanceof TwirpError twirpError) {
                error(exchange, twirpError);
                return;
            }
            Message message = (Message) answer;
            byte[] out = json ? JsonFormat.printer().preservingProtoFieldNames().alwaysPrintFieldsWithNoPresence()
                    .print(message).getBytes(StandardCharsets.UTF_8) : message.toByteArray();
            exchange.getResponseHeaders().set("Content-Type", json ? "application/json" : "application/protobuf");
            exchange.sendResponseHeaders(200, out.length == 0 ? -1 : out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        }
    }

    private static DecodedJWT verify(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            DecodedJWT token = JWT.require(Algorithm.HMAC256(API_SECRET)).withIssuer(API_KEY).acceptLeeway(60)
                    .build().verify(authorization.substring("Bearer ".length()));
            return token.getExpiresAt() == null ? null : token;
        } catch (JWTVerificationException bad) {
            return null;
        }
    }

    private static void error(HttpExchange exchange, TwirpError error) throws IOException {
        byte[] body = ("{\"code\":\"" + error.code() + "\",\"msg\":\"" + error.msg().replace("\"", "\\\"") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(error.status(), body.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body);
        }
    }

    private static Message parse(com.google.protobuf.Parser<? extends Message> parser, byte[] bytes) {
        try {
            return parser.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException malformed) {
            throw new IllegalArgumentException(malformed);
        }
    }

    /** {@code http://127.0.0.1:port}. */
    public String httpUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code ws://127.0.0.1:port}, as an operator configures it. */
    public String wsUrl() {
        return "ws://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to one method, such as {@code CreateRoom}. */
    public List<Request> requests(String method) {
        return requests.stream().filter(request -> request.method().equals(method)).toList();
    }

    /** The query strings of {@code /rtc} connection attempts. */
    public List<String> rtcAttempts() {
        return List.copyOf(rtcAttempts);
    }

    public Set<String> rooms() {
        return Set.copyOf(rooms);
    }

    /** Answers every Twirp request with this status (Twirp's {@code internal} error) until told 0. */
    public void failWith(int status) {
        this.failWith = status;
    }

    /** Answers one method (such as {@code DialWhatsAppCall}) with a Twirp error until {@link #clear}. */
    public void failMethod(String method, int status, String code, String msg) {
        failing.put(method, new TwirpError(status, code, msg));
    }

    /** Holds each WhatsApp dial this long before answering (the person's phone rings meanwhile). */
    public void holdDial(java.time.Duration hold) {
        this.dialHoldMillis = hold.toMillis();
    }

    /** The Meta call id the next dial answers. */
    public void nextWhatsAppCallId(String id) {
        this.nextWhatsAppCallId = id;
    }

    /** Holds each {@code /rtc} connection attempt this long before refusing it. */
    public void holdRtc(java.time.Duration hold) {
        this.rtcHoldMillis = hold.toMillis();
    }

    public void clear() {
        requests.clear();
        rtcAttempts.clear();
        failWith = 0;
        failing.clear();
        dialHoldMillis = 0;
        nextWhatsAppCallId = null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
