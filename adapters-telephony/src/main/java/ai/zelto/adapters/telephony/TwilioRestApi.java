package ai.zelto.adapters.telephony;

import ai.zelto.application.port.out.TwilioVoice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Twilio's REST API, version 2010-04-01: {@code Calls.json} to place a call with its TwiML and a status callback
 * for every step, {@code Calls/{CallSid}.json} to end one. Basic auth with the account SID and auth token.
 */
public final class TwilioRestApi implements TwilioVoice {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Twilio refuses longer TwiML (error 32018). */
    static final int MAX_TWIML = 4000;

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;

    /** @param baseUrl {@code https://api.twilio.com}, or a test server */
    public TwilioRestApi(String baseUrl, Duration timeout) {
        this.baseUrl = Http.base(baseUrl);
        this.http = Http.client(timeout);
        this.timeout = timeout;
    }

    @Override
    public String createCall(Account account, NewCall call) throws Failure {
        if (call.twiml().length() > MAX_TWIML) {
            throw new Failure("the TwiML is longer than Twilio takes", "the call's TwiML is too long", null);
        }
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("To", call.to()),
                Map.entry("From", call.from()), Map.entry("Twiml", call.twiml()),
                Map.entry("StatusCallback", call.statusCallback()), Map.entry("StatusCallbackMethod", "POST")));
        for (String event : List.of("initiated", "ringing", "answered", "completed")) {
            form.add(Map.entry("StatusCallbackEvent", event));
        }
        JsonNode created = post(account, "/Calls.json", form);
        String sid = created.path("sid").asText("");
        if (sid.isEmpty()) {
            throw new Failure("Twilio answered no call sid", null, null);
        }
        return sid;
    }

    @Override
    public void endCall(Account account, String callSid, boolean stillRinging) throws Failure {
        String path = "/Calls/" + Http.encode(callSid) + ".json";
        if (stillRinging) {
            try {
                post(account, path, List.of(Map.entry("Status", "canceled")));
                return;
            } catch (Failure answeredMeanwhile) {
                if (answeredMeanwhile.said() == null) {
                    throw answeredMeanwhile;
                }
                // Twilio cancels only calls not yet answered: it may have been answered meanwhile
            }
        }
        post(account, path, List.of(Map.entry("Status", "completed")));
    }

    private JsonNode post(Account account, String path, List<Map.Entry<String, String>> form) throws Failure {
        String credentials = Base64.getEncoder().encodeToString((account.accountSid() + ":" + account.authToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/2010-04-01/Accounts/"
                        + Http.encode(account.accountSid()) + path))
                .timeout(timeout)
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = Http.send(http, request);
        } catch (IOException | RuntimeException unreachable) {
            throw new Failure("Twilio did not answer: " + unreachable.getMessage(), null, unreachable);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = JSON.missingNode();
        }
        if (response.statusCode() / 100 == 2) {
            return body;
        }
        String message = body.path("message").asText("");
        String said = message.isEmpty() ? "HTTP " + response.statusCode()
                : message + (body.has("code") ? " (Twilio error " + body.path("code").asText() + ")" : "");
        throw new Failure("Twilio answered HTTP " + response.statusCode() + ": " + said, said, null);
    }
}
