package ai.zelto.adapters.http.phone;

import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.phone.TwilioWebhookUseCase;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /webhooks/twilio/{hookToken}}, the URL an organization sets as its Twilio number's voice webhook (and
 * Zelto as the status callback of the calls it places): Twilio's form-encoded requests, verified by
 * {@code X-Twilio-Signature}, answered with TwiML ({@code text/xml}); 401 when the signature is wrong.
 * The form is read here, from the raw body, so that every parameter — repeated ones included — is signed as
 * Twilio sent it.
 */
@Path("/webhooks/twilio/{hookToken}")
public final class TwilioWebhookResource {
    /** Twilio's voice requests are a few kilobytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final TwilioWebhookUseCase webhooks;

    public TwilioWebhookResource(TwilioWebhookUseCase webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("hookToken") String token,
                            @HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri,
                            InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return ApiErrors.of(413, "Payload too large", null);
        }
        String rawQuery = uri.getRequestUri().getRawQuery();
        String pathAndQuery = uri.getRequestUri().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
        TwilioWebhookUseCase.Answer answer = webhooks.receive(new TwilioWebhookUseCase.Request(token, pathAndQuery,
                uri.getRequestUri().toString(), form(new String(bytes, StandardCharsets.UTF_8)), signature));
        if (answer instanceof TwilioWebhookUseCase.Answer.Twiml twiml) {
            return Response.ok(twiml.xml(), "text/xml; charset=utf-8").build();
        }
        return ApiErrors.of(Response.Status.UNAUTHORIZED, "Unauthorized");
    }

    /** A form body's parameters, every value of every name, decoded. */
    static Map<String, List<String>> form(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException badEscape) {
                // a malformed pair cannot have been signed by Twilio: leaving it out fails the signature
                fields.computeIfAbsent("\u0000malformed", n -> new ArrayList<>()).add(pair);
            }
        }
        return fields;
    }
}
