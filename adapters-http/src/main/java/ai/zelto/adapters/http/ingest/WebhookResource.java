package ai.zelto.adapters.http.ingest;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.ingest.AcceptDeliveryCommand;
import ai.zelto.application.port.in.ingest.AcceptDeliveryResult;
import ai.zelto.application.port.in.ingest.AcceptDeliveryUseCase;
import ai.zelto.application.port.in.integration.ResolveHookUseCase;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.application.spi.provider.Translation;
import ai.zelto.domain.organization.OrganizationId;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /webhooks/calls} and the header-free hook URLs: authenticate, bound and check a delivery, and
 * answer {@code {"received": true}} only once the use case has committed it.
 */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookResource {
    /** Request headers that carry credentials: never stored with a delivery. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "proxy-authorization",
            "x-api-key");
    public static final String DELIVERY_ID_HEADER = "X-Zelto-Delivery-Id";
    private static final Map<String, Boolean> RECEIVED = Map.of("received", true);

    private final AcceptDeliveryUseCase accept;
    private final ResolveHookUseCase hooks;
    private final long maxBodyBytes;
    private final java.time.Duration bodyReadTimeout;
    private final IngestMemoryBudget memory;

    /**
     * @param bodyReadTimeout the longest a client may take to send a body: a client trickling bytes (one a
     *                        second) would otherwise hold a request thread indefinitely
     * @param memory          what all bodies in flight may cost together
     */
    public WebhookResource(AcceptDeliveryUseCase accept, ResolveHookUseCase hooks, long maxBodyBytes,
                           java.time.Duration bodyReadTimeout, IngestMemoryBudget memory) {
        this.accept = accept;
        this.hooks = hooks;
        this.maxBodyBytes = maxBodyBytes;
        this.bodyReadTimeout = bodyReadTimeout;
        this.memory = memory;
    }

    @POST
    @Path("/calls")
    public Response upload(@Auth ApiKeyPrincipal caller, @Context HttpHeaders headers, InputStream body)
            throws IOException {
        return receive(caller.organizationId(), headers.getHeaderString("X-Zelto-Provider"),
                DeliveryContext.Channel.API_KEY, headers, body);
    }

    /**
     * {@code POST /webhooks/{provider}/{hookToken}}: for providers that cannot send headers (Retell). The secret
     * token in the URL stands for the organization; the provider's plugin may require more (a signature).
     */
    @POST
    @Path("/{provider}/{hookToken}")
    public Response hook(@PathParam("provider") String provider, @PathParam("hookToken") String token,
                         @Context HttpHeaders headers, InputStream body) throws IOException {
        String providerId = provider.toLowerCase(Locale.ROOT);
        Optional<OrganizationId> org = hooks.resolveHook(providerId, token);
        if (org.isEmpty()) {
            return ApiErrors.of(Response.Status.UNAUTHORIZED, "Unauthorized");
        }
        return receive(org.get(), providerId, DeliveryContext.Channel.HOOK_URL, headers, body);
    }

    private Response receive(OrganizationId organizationId, String provider, DeliveryContext.Channel channel,
                             HttpHeaders headers, InputStream body) throws IOException {
        if (headers.getLength() > maxBodyBytes) {
            return ApiErrors.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Payload too large");
        }
        MediaType type = headers.getMediaType();
        if (type != null && !isJson(type)) {
            return ApiErrors.of(415, "Unsupported media type", Map.of("Content-Type", "must be application/json"));
        }
        try (IngestMemoryBudget.Charge charge = memory.open()) {
            byte[] bytes;
            try {
                bytes = readAtMost(body, Math.max(0, headers.getLength()), charge,
                        System.nanoTime() + bodyReadTimeout.toNanos());
            } catch (SlowBodyException | IOException brokenOrSlow) {
                return ApiErrors.of(Response.Status.REQUEST_TIMEOUT, "Request timeout");
            } catch (IngestMemoryBudget.Exhausted busy) {
                return ApiErrors.unavailable();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return ApiErrors.unavailable();
            }
            if (bytes == null) {
                return ApiErrors.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Payload too large");
            }
            return answer(accept.accept(new AcceptDeliveryCommand(organizationId, provider,
                    new RawDelivery(bytes, storableHeaders(headers)), channel)));
        }
    }

    private static Response answer(AcceptDeliveryResult result) {
        if (result instanceof AcceptDeliveryResult.Stored stored) {
            return Response.ok(RECEIVED).header(DELIVERY_ID_HEADER, stored.deliveryId().toString()).build();
        }
        if (result instanceof AcceptDeliveryResult.UnsupportedProvider unsupported) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("provider", unsupported.requested());
            details.put("supported", unsupported.supported());
            return ApiErrors.of(400, "Unsupported provider", details);
        }
        if (result instanceof AcceptDeliveryResult.Refused refused) {
            return refusal(refused.rejection());
        }
        throw new IllegalStateException("an outcome this resource does not answer: " + result);
    }

    /** The answer to a delivery refused by its plugin or by the core's rules. */
    private static Response refusal(Translation.Rejected rejection) {
        return switch (rejection.kind()) {
            case MALFORMED -> ApiErrors.of(Response.Status.BAD_REQUEST, "Invalid JSON");
            case VALIDATION -> ApiErrors.validation(rejection.details());
            case AUTHENTICATION -> ApiErrors.of(Response.Status.UNAUTHORIZED, "Unauthorized");
            case TOO_LARGE -> ApiErrors.of(413, "Payload too large", rejection.details());
        };
    }

    private static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return type.getType().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    /**
     * The body, or {@code null} as soon as it exceeds the limit (the rest is never buffered). The memory budget
     * is charged before bytes are kept: for the whole declared length at once, else as they arrive.
     *
     * @param declaredLength the Content-Length, 0 when unknown
     * @throws SlowBodyException when the client has not finished sending by the deadline
     */
    private byte[] readAtMost(InputStream body, long declaredLength, IngestMemoryBudget.Charge charge,
                              long deadlineNanos) throws IOException, IngestMemoryBudget.Exhausted,
            InterruptedException {
        charge.cover(declaredLength);
        if (declaredLength > 0 && declaredLength <= maxBodyBytes) {
            return readDeclared(body, (int) declaredLength, deadlineNanos);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(declaredLength, maxBodyBytes));
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = body.read(buffer)) != -1) {
            total += read;
            if (total > maxBodyBytes) {
                return null;
            }
            charge.cover(total);
            out.write(buffer, 0, read);
            if (System.nanoTime() > deadlineNanos) {
                throw new SlowBodyException();
            }
        }
        return out.toByteArray();
    }

    /**
     * A body of a known length, read straight into an array of that size (no growing buffer, no final copy).
     *
     * @throws IOException when the stream ends before the declared length or goes on past it (a broken body)
     */
    private static byte[] readDeclared(InputStream body, int length, long deadlineNanos) throws IOException {
        byte[] exact = new byte[length];
        int filled = 0;
        while (filled < length) {
            int read = body.read(exact, filled, length - filled);
            if (read == -1) {
                throw new IOException("the body ended before its Content-Length");
            }
            filled += read;
            if (System.nanoTime() > deadlineNanos) {
                throw new SlowBodyException();
            }
        }
        if (body.read() != -1) {
            throw new IOException("the body goes on past its Content-Length");
        }
        return exact;
    }

    /** The client takes longer than allowed to send its body. */
    private static final class SlowBodyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SlowBodyException() {
            super(null, null, false, false);
        }
    }

    private static Map<String, List<String>> storableHeaders(HttpHeaders headers) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, values);
            }
        });
        return kept;
    }
}
