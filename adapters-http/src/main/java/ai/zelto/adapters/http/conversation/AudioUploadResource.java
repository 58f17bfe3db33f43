package ai.zelto.adapters.http.conversation;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.adapters.http.ingest.WebhookResource;
import ai.zelto.application.port.in.ingest.AcceptAudioCommand;
import ai.zelto.application.port.in.ingest.AcceptAudioResult;
import ai.zelto.application.port.in.ingest.AcceptAudioUseCase;
import ai.zelto.application.spi.provider.RawDelivery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

/**
 * {@code POST /v1/conversations/audio}: an audio-only call, as multipart/form-data. Part {@code file} is the
 * audio; text parts are named like the canonical fields ({@code externalId}, {@code agentId} or
 * {@code agent.externalId} and {@code agent.name}, {@code version}, {@code startedAt}, {@code systemPrompt},
 * {@code metadata} as JSON text). Answers {@code {"received": true}} once audio and delivery are stored.
 */
@Path("/v1/conversations/audio")
@Produces(MediaType.APPLICATION_JSON)
public final class AudioUploadResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Boolean> RECEIVED = Map.of("received", true);
    /** The longest a form field other than the file may be (the metadata field is the largest in practice). */
    static final int MAX_FIELD_BYTES = 1024 * 1024;

    private final AcceptAudioUseCase accept;
    private final long maxBytes;

    public AudioUploadResource(AcceptAudioUseCase accept, long maxBytes) {
        this.accept = accept;
        this.maxBytes = maxBytes;
    }

    /** The Jersey features this resource needs registered beside it (multipart parsing). */
    public static List<Object> requiredFeatures() {
        return List.of(org.glassfish.jersey.media.multipart.MultiPartFeature.class);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Auth ApiKeyPrincipal caller, FormDataMultiPart form) throws IOException {
        java.nio.file.Path audio = null;
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, List<FormDataBodyPart>> entry : form.getFields().entrySet()) {
                FormDataBodyPart part = entry.getValue().get(0);
                if (entry.getKey().equals("file")) {
                    audio = Files.createTempFile("zelto-upload-", ".audio");
                    if (!copyAtMost(part.getValueAs(InputStream.class), audio)) {
                        return ApiErrors.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Payload too large");
                    }
                } else {
                    String value = fieldAtMost(part.getValueAs(InputStream.class));
                    if (value == null) {
                        return ApiErrors.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Payload too large");
                    }
                    fields.put(entry.getKey(), value);
                }
            }
            Map<String, String> errors = new LinkedHashMap<>();
            byte[] call = canonicalBody(fields, errors);
            if (!errors.isEmpty()) {
                return ApiErrors.validation(errors);
            }
            AcceptAudioResult result = accept.acceptAudio(new AcceptAudioCommand(caller.organizationId(),
                    new RawDelivery(call, Map.of()), audio));
            if (result instanceof AcceptAudioResult.Stored stored) {
                return Response.ok(RECEIVED).header(WebhookResource.DELIVERY_ID_HEADER, stored.deliveryId().toString())
                        .build();
            }
            if (result instanceof AcceptAudioResult.Unavailable unavailable) {
                return ApiErrors.of(400, unavailable.error(), Map.of("transcriber", unavailable.how()));
            }
            if (result instanceof AcceptAudioResult.Refused refused) {
                // the fields were made into JSON here: whatever the kind, the caller's form fields are at fault
                return ApiErrors.validation(refused.rejection().details());
            }
            throw new IllegalStateException("an outcome this resource does not answer: " + result);
        } finally {
            if (audio != null) {
                Files.deleteIfExists(audio);
            }
        }
    }

    private boolean copyAtMost(InputStream in, java.nio.file.Path file) throws IOException {
        try (in; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    return false;
                }
                out.write(buffer, 0, read);
            }
            return true;
        }
    }

    /** A form field's text, or {@code null} when it is longer than {@link #MAX_FIELD_BYTES}. */
    private static String fieldAtMost(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
            return bytes.length > MAX_FIELD_BYTES ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The form's fields in the canonical JSON shape, so the canonical rules validate them. */
    private static byte[] canonicalBody(Map<String, String> fields, Map<String, String> errors) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode call = root.putObject("call");
        putIfPresent(call, "externalId", fields.get("externalId"));
        putIfPresent(call, "startedAt", fields.get("startedAt"));
        if (fields.containsKey("agent.externalId") || fields.containsKey("agent.name")) {
            ObjectNode agent = root.putObject("agent");
            putIfPresent(agent, "externalId", fields.get("agent.externalId"));
            putIfPresent(agent, "name", fields.get("agent.name"));
        }
        putIfPresent(root, "agentId", fields.get("agentId"));
        putIfPresent(root, "version", fields.get("version"));
        putIfPresent(root, "systemPrompt", fields.get("systemPrompt"));
        String metadata = fields.get("metadata");
        if (metadata != null && !metadata.isBlank()) {
            try {
                JsonNode parsed = JSON.readTree(metadata);
                if (parsed == null || !parsed.isObject()) {
                    errors.put("metadata", "must be a JSON object");
                } else {
                    root.set("metadata", parsed);
                }
            } catch (IOException notJson) {
                errors.put("metadata", "must be a JSON object");
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(name, value);
        }
    }
}
