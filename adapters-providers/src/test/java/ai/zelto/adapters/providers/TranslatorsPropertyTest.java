package ai.zelto.adapters.providers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.providers.livekit.LiveKitProviderPlugin;
import ai.zelto.adapters.providers.retell.RetellProviderPlugin;
import ai.zelto.adapters.providers.vapi.VapiProviderPlugin;
import ai.zelto.adapters.providers.zelto.ZeltoProviderPlugin;
import ai.zelto.application.spi.provider.CanonicalCall;
import ai.zelto.application.spi.provider.CanonicalTurn;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.ProviderPlugin;
import ai.zelto.application.spi.provider.Translation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties of every built-in translator. Random valid payloads translate into calls whose turns match
 * what was spoken, with start ≤ end; random mutations of valid payloads and random bytes give a translation,
 * never an exception. A failure names its seed; replay with {@code -Dzelto.seed=N}.
 */
class TranslatorsPropertyTest {
    private static final int CASES = Integer.getInteger("zelto.cases", 400);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"hello", "order", "😀", "Zoë", "\\", "\"", "line\nbreak", "", "🚀 ok", "é"};

    private static DeliveryTranslator translator(ProviderPlugin plugin) {
        return plugin.createTranslator(Map.of());
    }

    private static final List<DeliveryTranslator> ALL = List.of(translator(new ZeltoProviderPlugin()),
            translator(new LiveKitProviderPlugin()), translator(new VapiProviderPlugin()),
            translator(new RetellProviderPlugin()));

    private static long baseSeed() {
        Long fixed = Long.getLong("zelto.seed");
        return fixed != null ? fixed : new Random().nextLong();
    }

    @Test
    void randomValidVapiReports_haveOneTurnPerSpokenMessage_withOrderedTimes() {
        long base = baseSeed();
        DeliveryTranslator vapi = translator(new VapiProviderPlugin());
        for (int i = 0; i < CASES; i++) {
            long seed = base + i;
            Random random = new Random(seed);
            ObjectNode root = JSON.createObjectNode();
            ObjectNode message = root.putObject("message");
            message.put("type", "end-of-call-report");
            message.putObject("call").put("id", "call-" + random.nextInt(1000)).put("assistantId", "asst");
            ArrayNode messages = message.putObject("artifact").putArray("messages");
            if (random.nextBoolean()) {
                messages.addObject().put("role", "system").put("message", "prompt").put("secondsFromStart", 0);
            }
            int spoken = random.nextInt(12);
            double clock = 0;
            long epoch = 1767632400000L;
            for (int m = 0; m < spoken; m++) {
                double length = random.nextInt(5000) / 1000.0;
                ObjectNode entry = messages.addObject().put("role", random.nextBoolean() ? "bot" : "user")
                        .put("message", word(random)).put("secondsFromStart", clock);
                if (random.nextBoolean()) {
                    entry.put("time", epoch).put("endTime", epoch + (long) (length * 1000));
                }
                clock += length + random.nextInt(3);
                epoch += (long) (length * 1000) + 1000;
            }
            Translation translation = vapi.translate(Fixtures.delivery(bytes(root)), context());
            assertThat(translation).as("seed %d", seed).isInstanceOf(Translation.Accepted.class);
            assertConsistent(((Translation.Accepted) translation).call(), spoken, seed);
        }
    }

    @Test
    void randomValidRetellCalls_haveOneTurnPerUtterance_withOrderedTimes() {
        long base = baseSeed();
        DeliveryTranslator retell = translator(new RetellProviderPlugin());
        for (int i = 0; i < CASES; i++) {
            long seed = base + i;
            Random random = new Random(seed);
            ObjectNode root = JSON.createObjectNode();
            root.put("event", random.nextBoolean() ? "call_ended" : "call_analyzed");
            ObjectNode call = root.putObject("call").put("call_id", "call_" + random.nextInt(1000))
                    .put("agent_id", "agent_x").put("agent_version", random.nextInt(3))
                    .put("start_timestamp", 1767700800000L).put("duration_ms", random.nextInt(600_000));
            ArrayNode utterances = call.putArray(random.nextBoolean() ? "transcript_object" : "transcript_with_tool_calls");
            int spoken = random.nextInt(12);
            double clock = 0;
            for (int u = 0; u < spoken; u++) {
                ObjectNode utterance = utterances.addObject().put("role", random.nextBoolean() ? "agent" : "user")
                        .put("content", word(random));
                ArrayNode words = utterance.putArray("words");
                for (int w = 0; w < random.nextInt(4); w++) {
                    double length = random.nextInt(900) / 1000.0;
                    words.addObject().put("word", word(random)).put("start", clock).put("end", clock + length);
                    clock += length + 0.05;
                }
            }
            Translation translation = retell.translate(Fixtures.delivery(bytes(root)), context());
            assertThat(translation).as("seed %d", seed).isInstanceOf(Translation.Accepted.class);
            assertConsistent(((Translation.Accepted) translation).call(), spoken, seed);
        }
    }

    @Test
    void mutatedPayloadsAndRandomBytes_alwaysTranslate_neverThrow() {
        long base = baseSeed();
        List<byte[]> valid = List.of(Fixtures.bytes("zelto/voice-call.json"), Fixtures.bytes("vapi/end-of-call-report.json"),
                Fixtures.bytes("vapi/squad-call.json"), Fixtures.bytes("retell/call_ended.json"),
                Fixtures.bytes("retell/call_analyzed.json"), Fixtures.bytes("retell/not_connected.json"));
        for (int i = 0; i < CASES * 5; i++) {
            long seed = base + i;
            Random random = new Random(seed);
            byte[] body = random.nextInt(10) == 0 ? randomBytes(random) : mutate(valid.get(random.nextInt(valid.size())), random);
            for (DeliveryTranslator translator : ALL) {
                Translation translation;
                try {
                    translation = translator.translate(Fixtures.delivery(body, "x-retell-signature", "v=1,d=00"),
                            context());
                } catch (RuntimeException escaped) {
                    throw new AssertionError("seed " + seed + ": " + translator + " threw on "
                            + new String(body, StandardCharsets.UTF_8), escaped);
                }
                assertThat(translation).as("seed %d", seed).isNotNull();
            }
        }
    }

    private static void assertConsistent(CanonicalCall call, int spoken, long seed) {
        assertThat(call.turns()).as("seed %d", seed).hasSize(spoken);
        for (CanonicalTurn turn : call.turns()) {
            if (turn.startSeconds() != null && turn.endSeconds() != null) {
                assertThat(turn.endSeconds()).as("seed %d: %s", seed, turn).isGreaterThanOrEqualTo(turn.startSeconds());
            }
            if (turn.startSeconds() != null) {
                assertThat(turn.startSeconds()).as("seed %d", seed).isGreaterThanOrEqualTo(0);
            }
        }
    }

    private static DeliveryContext context() {
        return new DeliveryContext(Map.of(), DeliveryContext.Channel.API_KEY, DeliveryContext.Phase.RECEIVING);
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Flips, deletes, duplicates or replaces bytes, or swaps a value for another JSON type. */
    private static byte[] mutate(byte[] valid, Random random) {
        String text = new String(valid, StandardCharsets.UTF_8);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && !text.isEmpty(); m++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(6)) {
                case 0 -> text = text.substring(0, at);
                case 1 -> text = text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
                case 2 -> text = text.substring(0, at) + "\"" + text.substring(at);
                case 3 -> text = text.replaceFirst("\"[^\"]{1,30}\"(?=\\s*[,}])",
                        List.of("null", "1e999", "-0", "[]", "{}", "true", "\"\"", "-5").get(random.nextInt(8)));
                case 4 -> text = text.replaceFirst(":\\s*\\d+(\\.\\d+)?", ": \"" + word(random) + "\"");
                default -> text = text.substring(0, at) + (char) random.nextInt(0x10000) + text.substring(at);
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(8) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
