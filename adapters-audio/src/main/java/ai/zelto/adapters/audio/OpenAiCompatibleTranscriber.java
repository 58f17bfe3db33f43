package ai.zelto.adapters.audio;

import ai.zelto.application.port.out.Transcriber;
import ai.zelto.domain.recording.AudioFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Speech-to-text through an OpenAI-compatible API: {@code POST {baseUrl}/audio/transcriptions}, multipart with
 * {@code file}, {@code model}, {@code response_format=verbose_json} and segment timestamps — what OpenAI's API
 * and self-hosted Whisper servers speak. Answers without segments become one untimed segment.
 */
public final class OpenAiCompatibleTranscriber implements Transcriber {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final Duration timeout;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public OpenAiCompatibleTranscriber(String baseUrl, String apiKey, String model, Duration timeout) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/audio/transcriptions");
        this.apiKey = apiKey;
        this.model = model;
        this.timeout = timeout;
    }

    @Override
    public List<Segment> transcribe(Path audio, AudioFormat format) throws TranscriptionException {
        String boundary = "zelto-" + UUID.randomUUID();
        byte[] body;
        try {
            body = multipart(boundary, audio, format);
        } catch (IOException e) {
            throw new TranscriptionException("could not read the audio: " + e.getMessage(), true);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TranscriptionException("the transcription service could not be reached: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscriptionException("interrupted", true);
        }
        int status = response.statusCode();
        if (status != 200) {
            boolean retryable = status >= 500 || status == 408 || status == 429;
            throw new TranscriptionException("the transcription service answered HTTP " + status, retryable);
        }
        return segments(response.body());
    }

    static List<Segment> segments(String json) throws TranscriptionException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new TranscriptionException("the transcription service answered something that is not JSON", true);
        }
        List<Segment> segments = new ArrayList<>();
        JsonNode list = root == null ? null : root.get("segments");
        if (list != null && list.isArray() && !list.isEmpty()) {
            for (JsonNode segment : list) {
                segments.add(new Segment(segment.path("text").asText(""), number(segment.get("start")),
                        number(segment.get("end"))));
            }
        } else if (root != null && root.path("text").isTextual()) {
            segments.add(new Segment(root.get("text").asText(), null, null));
        } else {
            throw new TranscriptionException("the transcription service answered without text", false);
        }
        return segments;
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.doubleValue() : null;
    }

    private byte[] multipart(String boundary, Path audio, AudioFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, boundary, "model", model);
        field(out, boundary, "response_format", "verbose_json");
        field(out, boundary, "timestamp_granularities[]", "segment");
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audio."
                + format.name().toLowerCase(java.util.Locale.ROOT) + "\"\r\nContent-Type: " + format.contentType()
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Files.readAllBytes(audio));
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
