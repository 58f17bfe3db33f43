package ai.zelto.adapters.http.voice;

import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.voice.ReceiveLiveKitWebhookUseCase;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code POST /webhooks/livekit}: LiveKit's webhooks, with no Zelto key — LiveKit signs them with one of the
 * API keys Zelto knows (the operator's or an organization's). Answered {@code {"received": true}} once acted on;
 * 401 when the signature does not verify; 400 for a verified body that is not an event.
 */
@Path("/webhooks/livekit")
@Produces(MediaType.APPLICATION_JSON)
public final class LiveKitWebhookResource {
    /** LiveKit's events are a few kilobytes; nothing legitimate comes near this. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final ReceiveLiveKitWebhookUseCase webhooks;

    public LiveKitWebhookResource(ReceiveLiveKitWebhookUseCase webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body)
            throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return ApiErrors.of(413, "Payload too large", null);
        }
        try {
            webhooks.receive(bytes, authorization);
        } catch (ReceiveLiveKitWebhookUseCase.NotSigned notSigned) {
            return ApiErrors.of(401, "Unauthorized", null);
        } catch (IllegalArgumentException notAnEvent) {
            return ApiErrors.of(400, "Invalid JSON", null);
        }
        return Response.ok(Map.of("received", true)).build();
    }
}
