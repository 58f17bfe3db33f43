package ai.zelto.adapters.telephony;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's REST API for tests, on 127.0.0.1, as Twilio answers: {@code POST /2010-04-01/Accounts/{AC}/Calls.json}
 * (form-encoded, Basic auth with the account's SID and auth token) → 201 with the call resource ({@code sid CA…},
 * {@code status queued}, {@code direction outbound-api}); {@code POST …/Calls/{CA}.json} with {@code Status} →
 * 200; errors as Twilio's JSON ({@code code, message, more_info, status}). Every request is recorded.
 */
public final class FakeTwilioServer implements AutoCloseable {
    private static final Pattern CREATE = Pattern.compile("/2010-04-01/Accounts/(AC[0-9a-f]{32})/Calls\\.json");
    private static final Pattern UPDATE = Pattern.compile("/2010-04-01/Accounts/(AC[0-9a-f]{32})/Calls/(CA[0-9a-f]{32})"
            + "\\.json");

    /** One request as Twilio would have read it. */
    public record Request(String path, String authorization, Map<String, List<String>> form) {
        public String first(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failWith;
    private volatile String failMessage;
    private volatile boolean refuseCancel;

    public FakeTwilioServer() throws IOException {
        server = LocalServers.start("fake-twilio", "/2010-04-01/", this::handle);
    }

    /** The account the fake knows, with its auth token. */
    public void account(String accountSid, String authToken) {
        tokens.put(accountSid, authToken);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Map<String, List<String>> form = parse(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            requests.add(new Request(path, authorization, form));
            Matcher create = CREATE.matcher(path);
            Matcher update = UPDATE.matcher(path);
            String account = create.matches() ? create.group(1) : update.matches() ? update.group(1) : null;
            if (!exchange.getRequestMethod().equals("POST") || account == null) {
                error(exchange, 404, 20404, "The requested resource " + path + " was not found");
                return;
            }
            if (!authorized(account, authorization)) {
                error(exchange, 401, 20003, "Authenticate");
                return;
            }
            if (failWith != 0) {
                error(exchange, failWith, 21211, failMessage);
                return;
            }
            if (create.matches()) {
                for (String required : List.of("To", "From")) {
                    if (!form.containsKey(required)) {
                        error(exchange, 400, 21201, "No '" + required + "' number is specified");
                        return;
                    }
                }
                String twiml = form.getOrDefault("Twiml", List.of("")).get(0);
                if (twiml.length() > 4000) {
                    error(exchange, 400, 32018, "Twiml length exceeds 4000 characters");
                    return;
                }
                String sid = "CA" + String.format("%032x", calls.incrementAndGet());
                LocalServers.sendJson(exchange, 201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + account + "\",\"status\":\"queued\","
                        + "\"direction\":\"outbound-api\",\"to\":\"" + form.get("To").get(0) + "\",\"from\":\""
                        + form.get("From").get(0) + "\",\"api_version\":\"2010-04-01\"}");
                return;
            }
            String status = form.getOrDefault("Status", List.of("")).get(0);
            if (refuseCancel && status.equals("canceled")) {
                error(exchange, 400, 21220, "Call is not in-progress. Cannot redirect.");
                return;
            }
            LocalServers.sendJson(exchange, 200, "{\"sid\":\"" + update.group(2) + "\",\"status\":\"" + status + "\"}");
        }
    }

    private boolean authorized(String account, String authorization) {
        String token = tokens.get(account);
        if (token == null || authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        String expected = Base64.getEncoder().encodeToString((account + ":" + token).getBytes(StandardCharsets.UTF_8));
        return authorization.substring("Basic ".length()).equals(expected);
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        LocalServers.sendJson(exchange, status, "{\"code\":" + code + ",\"message\":\"" + message.replace("\"", "'")
                + "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    static Map<String, List<String>> parse(String form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The calls placed ({@code Calls.json}). */
    public List<Request> created() {
        return requests.stream().filter(request -> request.path().endsWith("/Calls.json")).toList();
    }

    /** The updates of calls ({@code Calls/{sid}.json}). */
    public List<Request> updates() {
        return requests.stream().filter(request -> !request.path().endsWith("/Calls.json")).toList();
    }

    /** Answers every authorized request with this error until told 0. */
    public void failWith(int status, String message) {
        this.failWith = status;
        this.failMessage = message;
    }

    /** Refuses to cancel (as for a call answered meanwhile). */
    public void refuseCancel(boolean refuse) {
        this.refuseCancel = refuse;
    }

    public void clear() {
        requests.clear();
        failWith = 0;
        refuseCancel = false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
