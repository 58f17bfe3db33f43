package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.providers.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz test of the whole HTTP API: random requests to every endpoint, with mutated valid bodies and
 * random bytes, random ids, query values, content types, keys and provider names. No request may get a 5xx,
 * and every answer passes {@link ResponseHygiene} (security headers, no stack traces, SQL or class names).
 * Rerun a failure with {@code -Dzelto.seed=N}.
 */
class HttpFuzzIT {
    private static final int REQUESTS = Integer.getInteger("zelto.fuzz.requests", 2_000);
    private static final List<String> PROVIDERS = List.of("zelto", "vapi", "retell", "livekit", "VAPI", "nope", "",
            "zelto ", "x".repeat(300));
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json", "text/plain",
            "application/json; charset=ISO-8859-1", "application/vnd.api+json", "multipart/form-data; boundary=b",
            "multipart/form-data", "a/b/c", "application/x-www-form-urlencoded", "");
    private static final List<String> ODD_VALUES = List.of("", "-1", "0", "1", "101", "1000000", "9999999999999999999",
            "abc", "2026-01-01T00:00:00Z", "2026-13-45T99:99:99Z", "yesterday", "null", "[]", "{}", "1e999", "-0",
            "00000000-0000-0000-0000-000000000000", "' OR 1=1 --", "\u00e9\u4e2d\ud83d\ude00", "x".repeat(3000),
            "../../etc/passwd", "%00", "a%2Fb");
    private static final List<String> RANGE_NUMBERS = List.of("", "0", "1", "-1", "5000", "9223372036854775807",
            "9223372036854775808", "99999999999999999999", "000000000000000000000001", "abc");
    private static final List<String> JSON_VALUES = List.of("null", "1e999", "-0", "\"\"", "\"\\u0000\"", "{}", "[]",
            "true", "12345678901234567890123", "\"x\"", "-1", "0.5", "[1,[2,[3]]]", "{\"a\":{\"b\":null}}");

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static List<byte[]> validBodies;
    private static List<String> realIds;
    /** A conversation whose recording is stored, so that ranges reach the range parser. */
    private static String playableId;
    private static String hookToken;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("ZELTO_RATE_LIMIT_PER_SECOND", "100000", "ZELTO_RATE_LIMIT_BURST", "100000",
                "ZELTO_DATA_DIR", dataDir.toString(), "ZELTO_FETCH_ALLOWED_HOSTS", "127.0.0.1"));
        validBodies = new ArrayList<>();
        for (String fixture : List.of("zelto/voice-call.json", "vapi/end-of-call-report.json", "vapi/squad-call.json",
                "retell/call_analyzed.json", "retell/call_ended.json")) {
            validBodies.add(Fixtures.bytes(fixture));
        }
        validBodies.add(CanonicalBodies.withTranscript("fuzz-seed", "fuzz-agent").getBytes(StandardCharsets.UTF_8));
        validBodies.add("{\"name\": \"fuzz key\"}".getBytes(StandardCharsets.UTF_8));
        validBodies.add("{\"secret\": \"s3cret\", \"settings\": {}}".getBytes(StandardCharsets.UTF_8));
        JsonNode delivery = server.uploadAndProcess(CanonicalBodies.withTranscript("fuzz-seed", "fuzz-agent"));
        JsonNode conversation = server.getJson("/v1/conversations/" + delivery.get("conversationId").asText());
        realIds = List.of(delivery.get("id").asText(), conversation.get("id").asText(),
                conversation.get("agent").get("id").asText());
        try (SourceServer source = new SourceServer().serve("/fuzz.wav", TestAudio.wav(1.0))) {
            JsonNode recorded = server.uploadAndProcess(CanonicalBodies.recordingOnly("fuzz-recorded", "fuzz-agent",
                    source.url("/fuzz.wav")));
            playableId = recorded.get("conversationId").asText();
            awaitStoredRecording(playableId);
        }
        hookToken = TestServer.json(server.post("/v1/integrations/retell/hook", TestServer.KEY, "{}")).get("url")
                .asText().replaceAll(".*/", "");
    }

    private static void awaitStoredRecording(String conversationId) {
        for (int i = 0; i < 400; i++) {
            if (server.getJson("/v1/conversations/" + conversationId).get("recording").get("status").asText()
                    .equals("stored")) {
                return;
            }
            TestServer.sleep(25);
        }
        throw new AssertionError("the fuzz test's recording was never stored");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void randomRequestsToEveryEndpoint_neverGetA5xx_norLeakAnything() {
        long seed = Long.getLong("zelto.seed", new Random().nextLong());
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        String previous = "";
        for (int n = 0; n < REQUESTS; n++) {
            Request request = randomRequest(random);
            try {
                HttpResponse<String> response = server.send(request.build(server));
                previous = request.method() + " " + request.path().substring(0, Math.min(60, request.path().length()))
                        + " " + request.headers().get("Content-Type") + " -> " + response.statusCode() + " "
                        + response.headers().firstValue("Connection").orElse("");
                statuses.merge(response.statusCode(), 1, Integer::sum);
                assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
            } catch (AssertionError | RuntimeException failure) {
                failures.add("request " + n + ": " + request + "\n  " + failure.getMessage().strip() + "\n  after "
                        + previous);
            }
        }
        assertThat(failures).as("seed %d", seed).isEmpty();
        System.out.printf("HTTP fuzz: %d requests (seed %d), answers %s%n", REQUESTS, seed, statuses);
        assertThat(statuses.keySet()).as("the fuzzing reaches both accepted and refused requests, and the range "
                + "parser's partial and unsatisfiable answers").contains(200, 206, 400, 401, 404, 416);
    }

    /** One generated request, printable so that a failure shows what was sent. */
    private record Request(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest build(TestServer server) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(server.uri(path));
            headers.forEach(builder::header);
            return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body)).build();
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return method + " " + path + " " + headers + " " + shown;
        }
    }

    private static Request randomRequest(Random random) {
        Map<String, String> headers = new TreeMap<>();
        int auth = random.nextInt(10);
        if (auth < 8) {
            headers.put("Authorization", "Bearer " + TestServer.KEY);
        } else if (auth == 8) {
            headers.put("Authorization", pick(random, List.of("Bearer zk_garbage", "Basic Zm9vOmJhcg==", "Bearer ",
                    "Bearer " + TestServer.KEY + "x")));
        }
        String id = pick(random, List.of(realIds.get(random.nextInt(realIds.size())), java.util.UUID.randomUUID()
                .toString(), encode(pick(random, ODD_VALUES))));
        String method;
        String path;
        byte[] body = null;
        switch (random.nextInt(14)) {
            case 0, 1, 2, 3 -> {
                method = "POST";
                path = "/webhooks/calls";
                body = randomBody(random);
                if (random.nextInt(3) > 0) {
                    headers.put("X-Zelto-Provider", pick(random, PROVIDERS));
                }
            }
            case 4 -> {
                method = "POST";
                path = "/webhooks/" + encode(pick(random, PROVIDERS)) + "/"
                        + (random.nextBoolean() ? hookToken : encode(pick(random, ODD_VALUES)));
                body = randomBody(random);
            }
            case 5 -> {
                method = "GET";
                path = "/v1/conversations" + randomQuery(random, "agentId", "provider", "externalId", "from", "to",
                        "limit", "cursor");
            }
            case 6 -> {
                method = "GET";
                boolean recording = random.nextBoolean();
                boolean playable = recording && random.nextInt(3) > 0;
                path = "/v1/conversations/" + (playable ? playableId : id) + (recording ? "/recording" : "");
                if (playable ? random.nextInt(4) > 0 : random.nextBoolean()) {
                    headers.put("Range", pick(random, List.of("bytes=0-10", "bytes=-5", "bytes=10-1", "bytes=x",
                            "bytes=0-1,5-6", "items=0-1", "bytes=99999999999999999999-", "bytes=-99999999999999999999",
                            "bytes=0-99999999999999999999", "bytes=9223372036854775807-", "bytes=-0", "BYTES=1-2",
                            "bytes=" + pick(random, RANGE_NUMBERS) + "-" + pick(random, RANGE_NUMBERS))));
                }
            }
            case 7 -> {
                method = "GET";
                path = pick(random, List.of("/v1/agents", "/v1/deliveries", "/v1/credits", "/v1/audit", "/v1/keys",
                        "/v1/integrations")) + randomQuery(random, "limit", "cursor", "from", "to");
            }
            case 8 -> {
                method = "GET";
                path = pick(random, List.of("/v1/agents/", "/v1/deliveries/")) + id;
            }
            case 9 -> {
                method = random.nextBoolean() ? "POST" : "DELETE";
                path = method.equals("POST") ? "/v1/keys" : "/v1/keys/" + java.util.UUID.randomUUID();
                body = method.equals("POST") ? randomBody(random) : null;
            }
            case 10 -> {
                method = random.nextBoolean() ? "PUT" : "POST";
                path = "/v1/integrations/" + encode(pick(random, PROVIDERS)) + (method.equals("POST") ? "/hook" : "");
                body = randomBody(random);
            }
            case 11 -> {
                method = "POST";
                path = "/v1/conversations/audio";
                body = random.nextBoolean() ? randomBytes(random) : ("--b\r\nContent-Disposition: form-data; name=\""
                        + pick(random, List.of("externalId", "file", "metadata", "x")) + "\"\r\n\r\n"
                        + pick(random, ODD_VALUES) + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
                headers.put("Content-Type", "multipart/form-data; boundary=b");
            }
            case 12 -> {
                method = pick(random, List.of("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"));
                path = pick(random, List.of("/webhooks/calls", "/v1/conversations", "/v1/credits", "/v1/audit"));
                body = random.nextBoolean() ? randomBody(random) : null;
            }
            default -> {
                method = random.nextBoolean() ? "GET" : "POST";
                path = "/" + encode(pick(random, ODD_VALUES)) + "/" + encode(pick(random, ODD_VALUES));
                body = method.equals("POST") ? randomBody(random) : null;
            }
        }
        if (body != null && !headers.containsKey("Content-Type") && random.nextInt(5) > 0) {
            String type = pick(random, CONTENT_TYPES);
            if (!type.isEmpty()) {
                headers.put("Content-Type", type);
            }
        }
        return new Request(method, path, headers, body);
    }

    private static String randomQuery(Random random, String... names) {
        StringBuilder query = new StringBuilder();
        for (String name : names) {
            if (random.nextInt(3) == 0) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(encode(random.nextBoolean() ? pick(random, ODD_VALUES) : pick(random, realIds)));
            }
        }
        return query.toString();
    }

    /** A valid body mutated (structurally, or as bytes), or random bytes. */
    private static byte[] randomBody(Random random) {
        byte[] valid = validBodies.get(random.nextInt(validBodies.size()));
        return switch (random.nextInt(6)) {
            case 0 -> valid;
            case 1, 2 -> structuralMutation(random, valid);
            case 3, 4 -> byteMutation(random, valid);
            default -> randomBytes(random);
        };
    }

    private static byte[] structuralMutation(Random random, byte[] valid) {
        try {
            JsonNode root = TestServer.JSON.readTree(valid);
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                replaceRandomNode(random, root);
            }
            return TestServer.JSON.writeValueAsBytes(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks down from the root to a random container and replaces or removes one of its children. */
    private static void replaceRandomNode(Random random, JsonNode root) throws java.io.IOException {
        JsonNode node = root;
        while (true) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            int size = node.isObject() ? names.size() : node.size();
            if (size == 0) {
                return;
            }
            int child = random.nextInt(size);
            JsonNode next = node.isObject() ? node.get(names.get(child)) : node.get(child);
            if (next.isContainerNode() && next.size() > 0 && random.nextInt(3) > 0) {
                node = next;
                continue;
            }
            JsonNode replacement = TestServer.JSON.readTree(pick(random, JSON_VALUES));
            if (node instanceof ObjectNode object) {
                if (random.nextInt(4) == 0) {
                    object.remove(names.get(child));
                } else {
                    object.set(names.get(child), replacement);
                }
            } else {
                ((ArrayNode) node).set(child, replacement);
            }
            return;
        }
    }

    private static byte[] byteMutation(Random random, byte[] valid) {
        byte[] bytes = valid.clone();
        int at = random.nextInt(bytes.length);
        return switch (random.nextInt(4)) {
            case 0 -> {
                bytes[at] = (byte) random.nextInt(256);
                yield bytes;
            }
            case 1 -> java.util.Arrays.copyOf(bytes, at);
            case 2 -> {
                byte[] doubled = new byte[bytes.length + (bytes.length - at)];
                System.arraycopy(bytes, 0, doubled, 0, bytes.length);
                System.arraycopy(bytes, at, doubled, bytes.length, bytes.length - at);
                yield doubled;
            }
            default -> {
                byte[] cut = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, cut, 0, at);
                System.arraycopy(bytes, at + 1, cut, at, bytes.length - at - 1);
                yield cut;
            }
        };
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
