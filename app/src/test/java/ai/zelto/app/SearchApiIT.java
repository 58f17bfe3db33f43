package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Finding calls by what was said ({@code q}) and by metadata on {@code GET /v1/conversations}, combined with the
 * other filters; the deliveries list; ended reasons per version; unknown list parameters refused.
 */
class SearchApiIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        upload("refund-1", "v1", "completed", "{\"channel\": \"phone\", \"tier\": 3, \"vip\": true}",
                "Hello there", "I would like a refund for my last order", "Of course, the refund is on its way");
        upload("sms-1", "v1", "completed", "{\"channel\": \"sms\"}", "Hola, mi pedido llegó tarde", "Lo siento");
        upload("shipping-1", "v2", "silence-timed-out", "{\"channel\": \"phone\"}", "Where is my parcel?",
                "The shipping label was printed yesterday", "Could I get a refund on shipping then?");
        upload("cjk-1", "v2", "completed", "{}", "我的 订单 迟到了", "すみません");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void upload(String externalId, String version, String endedReason, String metadata,
                               String... turns) {
        StringBuilder body = new StringBuilder("{\"call\": {\"externalId\": \"" + externalId + "\", \"endedReason\": \""
                + endedReason + "\", \"customer\": {\"name\": \"Customer " + externalId + "\"}},"
                + " \"agent\": {\"externalId\": \"search-bot\"}, \"version\": \"" + version + "\", \"metadata\": "
                + metadata + ", \"transcript\": {\"turns\": [");
        for (int i = 0; i < turns.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"role\": \"").append(i % 2 == 0 ? "user" : "assistant")
                    .append("\", \"text\": \"").append(turns[i]).append("\"}");
        }
        server.uploadAndProcess(body.append("]}}").toString());
    }

    private static List<String> ids(String query) {
        JsonNode page = server.getJson("/v1/conversations?" + query);
        List<String> ids = new java.util.ArrayList<>();
        page.get("data").forEach(conversation -> ids.add(conversation.get("externalId").asText()));
        return ids;
    }

    private static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    @Test
    void q_findsCallsByTheirWords_newestFirst_withTheMatchingTurn() {
        assertThat(ids(q("refund"))).containsExactly("shipping-1", "refund-1");
        JsonNode first = server.getJson("/v1/conversations?" + q("refund shipping")).get("data").get(0);
        assertThat(first.get("externalId").asText()).isEqualTo("shipping-1");
        assertThat(first.get("match").get("turnIndex").asInt()).as("the turn with both words").isEqualTo(2);
        assertThat(first.get("match").get("snippet").asText()).contains("refund", "shipping");
        assertThat(server.getJson("/v1/conversations?" + q("refund")).get("data").get(1).get("match")
                .get("turnIndex").asInt()).isEqualTo(1);
        assertThat(server.getJson("/v1/conversations").get("data").get(0).has("match")).as("no search, no match")
                .isFalse();
    }

    @Test
    void q_speaksWebSearch_isCaseInsensitive_andFindsCustomersAndIds() {
        assertThat(ids(q("\"refund for my\""))).containsExactly("refund-1");
        assertThat(ids(q("REFUND -shipping"))).containsExactly("refund-1");
        assertThat(ids(q("parcel or pedido"))).containsExactly("shipping-1", "sms-1");
        assertThat(ids(q("customer sms-1"))).containsExactly("sms-1");
        assertThat(ids(q("nothing-says-this"))).isEmpty();
        assertThat(ids(q("!!!"))).as("no words: nothing matches, nothing fails").isEmpty();
    }

    @Test
    void q_findsWordsOfOtherLanguages_asWritten() {
        assertThat(ids(q("llegó"))).containsExactly("sms-1");
        assertThat(ids(q("pedido"))).containsExactly("sms-1");
        assertThat(ids(q("订单"))).containsExactly("cjk-1");
    }

    @Test
    void q_combinesWithEveryOtherFilter() {
        assertThat(ids(q("refund") + "&version=v1")).containsExactly("refund-1");
        assertThat(ids(q("refund") + "&endedReason=silence-timed-out")).containsExactly("shipping-1");
        assertThat(ids(q("refund") + "&metadata.channel=phone")).containsExactly("shipping-1", "refund-1");
        assertThat(ids(q("refund") + "&from=2999-01-01T00:00:00Z")).isEmpty();
        JsonNode page = server.getJson("/v1/conversations?" + q("refund") + "&limit=1");
        assertThat(page.get("data")).hasSize(1);
        assertThat(ids(q("refund") + "&limit=1&cursor=" + page.get("nextCursor").asText()))
                .containsExactly("refund-1");
    }

    @Test
    void metadata_filters_matchTextNumbersAndBooleans() {
        assertThat(ids("metadata.channel=sms")).containsExactly("sms-1");
        assertThat(ids("metadata.tier=3")).containsExactly("refund-1");
        assertThat(ids("metadata.vip=true")).containsExactly("refund-1");
        assertThat(ids("metadata.channel=fax")).isEmpty();
    }

    @Test
    void unknownOrMalformedParameters_areRefused_namingThem() {
        for (String path : List.of("/v1/conversations?text=refund", "/v1/agents?name=x", "/v1/keys?all=1",
                "/v1/deliveries?state=failed", "/v1/audit?since=1", "/v1/integrations?x=1")) {
            HttpResponse<String> response = server.get(path, TestServer.KEY);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            String parameter = path.substring(path.indexOf('?') + 1, path.indexOf('='));
            assertThat(TestServer.json(response).get("details").has(parameter)).as(path).isTrue();
        }
        HttpResponse<String> tooLong = server.get("/v1/conversations?" + q("x".repeat(501)), TestServer.KEY);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        HttpResponse<String> twoMetadata = server.get("/v1/conversations?metadata.a=1&metadata.b=2", TestServer.KEY);
        assertThat(twoMetadata.statusCode()).isEqualTo(400);
        assertThat(server.get("/v1/deliveries?status=lost", TestServer.KEY).statusCode()).isEqualTo(400);
    }

    @Test
    void deliveries_areListedNewestFirst_andFailedOnesFindable() {
        HttpResponse<String> posted = server.upload("{\"call\": {\"externalId\": \"ghost\"}, \"agentId\": \""
                + UUID.randomUUID() + "\", \"transcript\": {\"turns\": [{\"role\": \"user\", \"text\": \"hi\"}]}}");
        JsonNode failed = server.awaitProcessed(posted.headers().firstValue("X-Zelto-Delivery-Id").orElseThrow());
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        JsonNode onlyFailed = server.getJson("/v1/deliveries?status=failed").get("data");
        assertThat(onlyFailed).hasSize(1);
        assertThat(onlyFailed.get(0).get("reason").asText()).isNotBlank();
        JsonNode all = server.getJson("/v1/deliveries?limit=2");
        assertThat(all.get("data")).hasSize(2);
        assertThat(all.get("data").get(0).get("id").asText()).isEqualTo(failed.get("id").asText());
        JsonNode rest = server.getJson("/v1/deliveries?limit=200&cursor=" + all.get("nextCursor").asText());
        assertThat(rest.get("data")).hasSize(3);
        assertThat(server.getJson("/v1/deliveries?provider=vapi").get("data")).isEmpty();
    }

    @Test
    void anAgentsVersions_countTheirEndedReasons() {
        String agent = server.getJson("/v1/conversations?externalId=refund-1").get("data").get(0).get("agent")
                .get("id").asText();
        JsonNode versions = server.getJson("/v1/agents/" + agent).get("versions");
        JsonNode v2 = versions.get(0);
        assertThat(v2.get("version").asText()).isEqualTo("v2");
        assertThat(v2.get("endedReasons").get("silence-timed-out").asLong()).isEqualTo(1);
        assertThat(v2.get("endedReasons").get("completed").asLong()).isEqualTo(1);
        assertThat(versions.get(1).get("endedReasons").get("completed").asLong()).isEqualTo(2);
    }
}
