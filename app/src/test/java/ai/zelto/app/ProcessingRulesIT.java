package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The processing rules of CONTRACT §2, observed through the read API of the real server. */
class ProcessingRulesIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode conversationOf(String externalId) {
        JsonNode data = server.getJson("/v1/conversations?externalId=" + externalId).get("data");
        assertThat(data).as("conversations of " + externalId).hasSize(1);
        return data.get(0);
    }

    private static long charged() {
        return server.getJson("/v1/credits").get("charged").asLong();
    }

    @Test
    void aRepostWithOnlyARecording_keepsTheTranscript_oneConversation_oneCharge() {
        long before = charged();
        JsonNode first = server.uploadAndProcess(CanonicalBodies.withTranscript("rule-enrich", "bot"));
        JsonNode second = server.uploadAndProcess(
                CanonicalBodies.recordingOnly("rule-enrich", "bot", "https://cdn.example.com/a.wav"));

        assertThat(first.get("status").asText()).isEqualTo("processed");
        assertThat(second.get("conversationId")).isEqualTo(first.get("conversationId"));
        JsonNode conversation = conversationOf("rule-enrich");
        assertThat(conversation.get("recordingUrl").asText()).isEqualTo("https://cdn.example.com/a.wav");
        assertThat(conversation.get("transcript").get("turns")).hasSize(3);
        assertThat(conversation.get("durationSeconds").asInt()).isEqualTo(95);
        assertThat(charged() - before).as("95 s = two started minutes, charged once").isEqualTo(2);
    }

    @Test
    void aRepostThatChangesTheDuration_adjustsTheOneCharge() {
        long before = charged();
        server.uploadAndProcess(CanonicalBodies.withTranscript("rule-adjust", "bot"));
        server.uploadAndProcess("""
                {"call": {"externalId": "rule-adjust", "durationSeconds": 300}, "agent": {"externalId": "bot"}}""");

        assertThat(charged() - before).isEqualTo(5);
    }

    @Test
    void anUnconnectedDial_isSkipped_untilADeliveryWithContentArrives() {
        JsonNode dial = server.uploadAndProcess("""
                {"call": {"externalId": "rule-dial", "endedReason": "no-answer"}, "agent": {"externalId": "bot"},
                 "transcript": {"turns": [{"role": "system", "text": "You are a helpful agent."}]}}""");

        assertThat(dial.get("status").asText()).isEqualTo("skipped");
        assertThat(dial.get("reason").asText()).contains("unconnected dial");
        assertThat(server.getJson("/v1/conversations?externalId=rule-dial").get("data")).isEmpty();

        JsonNode later = server.uploadAndProcess(CanonicalBodies.recordingOnly("rule-dial", "bot", "https://r/x.wav"));
        assertThat(later.get("status").asText()).isEqualTo("processed");
        assertThat(conversationOf("rule-dial").get("recordingUrl").asText()).isEqualTo("https://r/x.wav");
    }

    @Test
    void agentsAreFoundOrCreatedByExternalId_andNamedByTheFirstDelivery() {
        server.uploadAndProcess("""
                {"call": {"externalId": "rule-agent-1", "recordingUrl": "https://r/1.wav"},
                 "agent": {"externalId": "named-agent", "name": "First name"}}""");
        server.uploadAndProcess("""
                {"call": {"externalId": "rule-agent-2", "recordingUrl": "https://r/2.wav"},
                 "agent": {"externalId": "named-agent", "name": "Second name"}}""");

        JsonNode one = conversationOf("rule-agent-1").get("agent");
        JsonNode two = conversationOf("rule-agent-2").get("agent");
        assertThat(two.get("id")).isEqualTo(one.get("id"));
        assertThat(one.get("name").asText()).isEqualTo("First name");
        JsonNode agent = server.getJson("/v1/agents/" + one.get("id").asText());
        assertThat(agent.get("name").asText()).isEqualTo("First name");
        assertThat(agent.get("provider").asText()).isEqualTo("zelto");
        assertThat(agent.get("lastCallAt").isNull()).isFalse();
    }

    @Test
    void theSameAgentIdOnAnotherProvider_isAnotherAgent() {
        server.uploadAndProcess(CanonicalBodies.withTranscript("rule-lk-1", "shared-agent-id"));
        server.uploadAndProcess(CanonicalBodies.withTranscript("rule-lk-2", "shared-agent-id"),
                "Content-Type", "application/json", "X-Zelto-Provider", "LiveKit");

        JsonNode zelto = conversationOf("rule-lk-1");
        JsonNode livekit = conversationOf("rule-lk-2");
        assertThat(livekit.get("provider").asText()).isEqualTo("livekit");
        assertThat(livekit.get("agent").get("id")).isNotEqualTo(zelto.get("agent").get("id"));
        assertThat(server.getJson("/v1/agents/" + livekit.get("agent").get("id").asText()).get("provider").asText())
                .isEqualTo("livekit");
    }

    @Test
    void agentId_winsOverTheExternalId() {
        server.uploadAndProcess(CanonicalBodies.withTranscript("rule-precedence-1", "precedence-agent"));
        String agentId = conversationOf("rule-precedence-1").get("agent").get("id").asText();

        server.uploadAndProcess("""
                {"call": {"externalId": "rule-precedence-2", "recordingUrl": "https://r/p.wav"},
                 "agentId": "%s", "agent": {"externalId": "some-other-agent", "name": "Other"}}""".formatted(agentId));

        assertThat(conversationOf("rule-precedence-2").get("agent").get("id").asText()).isEqualTo(agentId);
    }

    @Test
    void anAgentIdNotInTheOrg_failsTheDeliveryVisibly() {
        JsonNode delivery = server.uploadAndProcess("""
                {"call": {"externalId": "rule-bad-agent", "recordingUrl": "https://r/b.wav"},
                 "agentId": "3c90c3cc-0d44-4b50-8888-8dd25736052a"}""");

        assertThat(delivery.get("status").asText()).isEqualTo("failed");
        assertThat(delivery.get("reason").asText())
                .isEqualTo("agentId 3c90c3cc-0d44-4b50-8888-8dd25736052a is not an agent of this organization");
        assertThat(delivery.get("conversationId").isNull()).isTrue();
        assertThat(server.getJson("/v1/conversations?externalId=rule-bad-agent").get("data")).isEmpty();
    }

    @Test
    void theVersion_isExplicitElseAHashOfTheSystemPrompt() {
        server.uploadAndProcess(CanonicalBodies.withTranscript("rule-version-hash", "version-agent"));
        server.uploadAndProcess("""
                {"call": {"externalId": "rule-version-explicit", "recordingUrl": "https://r/v.wav"},
                 "agent": {"externalId": "version-agent"}, "version": "v3", "systemPrompt": "ignored for the version"}""");

        JsonNode hashed = conversationOf("rule-version-hash");
        // printf %s "You are a helpful agent." | sha256sum → fb825410b084…
        assertThat(hashed.get("version").asText()).isEqualTo("fb825410b084");
        assertThat(hashed.get("systemPrompt").asText()).isEqualTo("You are a helpful agent.");
        assertThat(conversationOf("rule-version-explicit").get("version").asText()).isEqualTo("v3");
        JsonNode versions = server.getJson("/v1/agents/" + hashed.get("agent").get("id").asText()).get("versions");
        assertThat(versions).extracting(v -> v.get("version").asText()).containsExactlyInAnyOrder("v3", "fb825410b084");
    }

    @Test
    void textPostgresCannotStore_isKept_notFailed() {
        JsonNode delivery = server.uploadAndProcess("""
                {"call": {"externalId": "rule-nul\\u0000id"}, "agent": {"externalId": "nul\\u0000agent"},
                 "transcript": {"turns": [{"role": "user", "text": "a\\u0000b \\ud800 c"}]},
                 "metadata": {"k\\u0000": "v\\u0000"}}""");

        assertThat(delivery.get("status").asText()).as(delivery.toString()).isEqualTo("processed");
        JsonNode conversation = server.getJson("/v1/conversations/" + delivery.get("conversationId").asText());
        assertThat(conversation.get("externalId").asText()).isEqualTo("rule-nul\uFFFDid");
        assertThat(conversation.get("transcript").get("turns").get(0).get("text").asText()).isEqualTo("a\uFFFDb \uFFFD c");
        assertThat(conversation.get("metadata").get("k\uFFFD").asText()).isEqualTo("v\uFFFD");
    }

    @Test
    void fiftySimultaneousPostsOfOneCall_makeOneConversationAndOneCharge() throws Exception {
        long before = charged();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<String>> posts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                posts.add(pool.submit(() -> {
                    var response = server.upload(CanonicalBodies.withTranscript("rule-fifty", "bot"));
                    assertThat(response.statusCode()).isEqualTo(200);
                    return response.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow();
                }));
            }
            for (Future<String> post : posts) {
                assertThat(server.awaitProcessed(post.get()).get("status").asText()).isEqualTo("processed");
            }
        } finally {
            pool.shutdownNow();
        }
        conversationOf("rule-fifty");
        assertThat(charged() - before).isEqualTo(2);
    }

    @Test
    void aTimeWindow_isOnStartedAt_soACallWithoutAStartIsNeverInOne() {
        server.uploadAndProcess("{\"call\": {\"externalId\": \"no-start\"}, \"agent\": {\"externalId\": \"a\"},"
                + " \"version\": \"v-no-start\", \"transcript\": {\"turns\": [{\"role\": \"user\", \"text\": \"hi\"}]}}");

        assertThat(server.getJson("/v1/conversations?version=v-no-start").get("data")).hasSize(1);
        assertThat(server.getJson("/v1/conversations?version=v-no-start&from=2000-01-01T00:00:00Z"
                + "&to=2100-01-01T00:00:00Z").get("data")).isEmpty();
    }
}
