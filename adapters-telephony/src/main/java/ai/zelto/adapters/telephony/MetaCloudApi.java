package ai.zelto.adapters.telephony;

import ai.zelto.application.port.out.LiveKitConnector;
import ai.zelto.application.port.out.WhatsAppCloud;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Meta's Graph API {@code POST /v{version}/{phone-number-id}/calls} with {@code action: reject}: how a business
 * refuses a person's call (LiveKit's Connector has no method for it).
 */
public final class MetaCloudApi implements WhatsAppCloud {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;

    /** @param baseUrl {@code https://graph.facebook.com}, or a test server */
    public MetaCloudApi(String baseUrl, Duration timeout) {
        this.baseUrl = Http.base(baseUrl);
        this.http = Http.client(timeout);
        this.timeout = timeout;
    }

    @Override
    public void reject(LiveKitConnector.WhatsAppAccount account, String whatsappCallId) throws Failure {
        ObjectNode body = JSON.createObjectNode().put("messaging_product", "whatsapp").put("call_id", whatsappCallId)
                .put("action", "reject");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v" + account.cloudApiVersion() + "/"
                        + Http.encode(account.phoneNumberId()) + "/calls"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + account.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = Http.send(http, request);
        } catch (IOException | RuntimeException unreachable) {
            throw new Failure("Meta did not answer: " + unreachable.getMessage(), unreachable);
        }
        if (response.statusCode() / 100 != 2) {
            String said = response.body();
            throw new Failure("Meta answered HTTP " + response.statusCode() + ": "
                    + said.substring(0, Math.min(500, said.length())), null);
        }
    }
}
