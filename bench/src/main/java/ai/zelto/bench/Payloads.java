package ai.zelto.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The uploads of the benchmark: canonical calls of about 5 KB, 30 turns each. Of the uploads, 95% are new calls
 * and 5% re-post an earlier call of the same run, which then changes (its ended reason and metadata).
 */
final class Payloads {
    private static final String[] WORDS = ("hello thanks appointment tomorrow morning please confirm the address"
            + " of the clinic and whether parking is available near the entrance on the north side of the building")
            .split(" ");

    private final String runId;
    private final Random random;
    private int issued;

    Payloads(String runId, long seed) {
        this.runId = runId;
        this.random = new Random(seed);
    }

    /** The next upload: a new call, or one time in twenty a re-post of an earlier call. */
    synchronized byte[] next() {
        int call = issued > 20 && random.nextInt(20) == 0 ? random.nextInt(issued) : issued++;
        return body(runId + "-" + call, random).getBytes(StandardCharsets.UTF_8);
    }

    static String body(String externalId, Random random) {
        StringBuilder json = new StringBuilder(5_600);
        json.append("{\"call\":{\"externalId\":\"").append(externalId)
                .append("\",\"startedAt\":\"2026-11-20T10:00:00Z\",\"endedAt\":\"2026-11-20T10:05:00Z\",")
                .append("\"durationSeconds\":300,\"endedReason\":\"").append(random.nextBoolean() ? "hangup" : "transfer")
                .append("\",\"cost\":0.42,\"customer\":{\"number\":\"+15551234567\",\"name\":\"Ada\"}},")
                .append("\"agent\":{\"externalId\":\"bench-agent-").append(random.nextInt(10))
                .append("\",\"name\":\"Bench agent\"},\"version\":\"v1\",\"systemPrompt\":\"You are a receptionist.\",")
                .append("\"metadata\":{\"campaign\":\"bench\",\"attempt\":").append(random.nextInt(3))
                .append("},\"transcript\":{\"turns\":[");
        for (int t = 0; t < 30; t++) {
            json.append(t == 0 ? "" : ",").append("{\"role\":\"").append(t % 2 == 0 ? "user" : "assistant")
                    .append("\",\"text\":\"");
            for (int w = 0; w < 18; w++) {
                json.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            json.append("\",\"startSeconds\":").append(t * 10).append(",\"endSeconds\":").append(t * 10 + 8).append('}');
        }
        return json.append("]}}").toString();
    }
}
