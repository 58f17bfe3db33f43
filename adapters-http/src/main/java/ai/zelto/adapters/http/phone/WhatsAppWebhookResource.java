package ai.zelto.adapters.http.phone;

import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.phone.WhatsAppWebhookUseCase;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.WhatsAppEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /webhooks/whatsapp/{hookToken}}, the Callback URL an organization pastes into Meta's app: the
 * subscription handshake ({@code GET}: the raw challenge as text, else 403), and call events ({@code POST}:
 * verified by {@code X-Hub-Signature-256} over the exact bytes, else 401 with nothing done; then 200 at once, the
 * events acted on in the background).
 */
@Path("/webhooks/whatsapp/{hookToken}")
public final class WhatsAppWebhookResource {
    /** Meta's webhook payloads are at most 3 MB. */
    static final int MAX_BODY_BYTES = 3 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WhatsAppWebhookUseCase webhooks;

    public WhatsAppWebhookResource(WhatsAppWebhookUseCase webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response handshake(@PathParam("hookToken") String token, @QueryParam("hub.mode") String mode,
                              @QueryParam("hub.verify_token") String verifyToken,
                              @QueryParam("hub.challenge") String challenge) {
        return webhooks.handshake(token, mode, verifyToken, challenge)
                .map(echo -> Response.ok(echo, MediaType.TEXT_PLAIN_TYPE).build())
                .orElseGet(() -> ApiErrors.of(Response.Status.FORBIDDEN, "Forbidden"));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("hookToken") String token,
                            @HeaderParam("X-Hub-Signature-256") String signature, InputStream body)
            throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return ApiErrors.of(413, "Payload too large", null);
        }
        Optional<OrganizationId> org = webhooks.verify(token, bytes, signature);
        if (org.isEmpty()) {
            return ApiErrors.of(Response.Status.UNAUTHORIZED, "Unauthorized");
        }
        List<WhatsAppEvent> events;
        try {
            JsonNode json = JSON.readTree(bytes);
            events = WhatsAppEvents.read(json);
        } catch (IOException | IllegalArgumentException notAWebhook) {
            return ApiErrors.of(Response.Status.BAD_REQUEST, "Invalid JSON");
        }
        webhooks.receive(org.get(), events);
        return Response.ok(Map.of("received", true)).build();
    }
}
