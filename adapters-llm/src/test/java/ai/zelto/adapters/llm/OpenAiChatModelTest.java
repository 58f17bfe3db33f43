package ai.zelto.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.port.out.ChatModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiChatModelTest {
    private static final List<ChatModel.Message> MESSAGES = List.of(
            new ChatModel.Message("system", "You are terse."),
            new ChatModel.Message("user", "Hi"),
            new ChatModel.Message("assistant", "Hello."),
            new ChatModel.Message("user", "Where is my order?"));
    private static final Duration SILENCE = Duration.ofMillis(800);

    private final FakeChatModelServer server = FakeChatModelServer.start();
    private final OpenAiChatModel model = new OpenAiChatModel(Duration.ofSeconds(2));
    private final ChatModel.Endpoint endpoint = new ChatModel.Endpoint(server.baseUrl() + "/", "sk-test", "small");

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aWholeReply_isTheCompletionsMessage_andTheRequestCarriesTheModelTheMessagesInOrderAndTheKey()
            throws Exception {
        String reply = model.reply(endpoint, MESSAGES, SILENCE, null);

        assertThat(reply).isEqualTo("Echo: Where is my order?");
        JsonNode sent = server.requests().get(0);
        assertThat(sent.get("model").asText()).isEqualTo("small");
        assertThat(sent.get("stream").asBoolean()).isFalse();
        assertThat(sent.get("messages").findValuesAsText("role")).containsExactly("system", "user", "assistant",
                "user");
        assertThat(sent.get("messages").findValuesAsText("content")).containsExactly("You are terse.", "Hi",
                "Hello.", "Where is my order?");
        assertThat(server.authorizations()).containsExactly("Bearer sk-test");
    }

    @Test
    void aStreamedReply_arrivesPieceByPiece_andIsWholeAtTheEnd() throws Exception {
        List<String> pieces = new ArrayList<>();

        String reply = model.reply(endpoint, MESSAGES, SILENCE, pieces::add);

        assertThat(pieces).containsExactly("Echo: ", "Where ", "is ", "my ", "order?");
        assertThat(reply).isEqualTo(String.join("", pieces));
        assertThat(server.requests().get(0).get("stream").asBoolean()).isTrue();
    }

    @Test
    void noKey_sendsNoAuthorization() throws Exception {
        model.reply(new ChatModel.Endpoint(server.baseUrl(), "", "small"), MESSAGES, SILENCE, null);

        assertThat(server.authorizations()).containsExactly("null");
    }

    @Test
    void aModelThatSaysNothing_isATimeout_afterTheSilenceAllowed() {
        server.mode(FakeChatModelServer.Mode.STALL);
        long started = System.nanoTime();

        assertThatThrownBy(() -> model.reply(endpoint, MESSAGES, SILENCE, null))
                .isInstanceOfSatisfying(ChatModel.Failure.class, failure -> assertThat(failure.kind())
                        .isEqualTo(ChatModel.Failure.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aStreamThatStopsMidway_isATimeout_afterThePiecesThatCame() {
        server.mode(FakeChatModelServer.Mode.STALL_MID_STREAM);
        List<String> pieces = new ArrayList<>();

        assertThatThrownBy(() -> model.reply(endpoint, MESSAGES, SILENCE, pieces::add))
                .isInstanceOfSatisfying(ChatModel.Failure.class, failure -> assertThat(failure.kind())
                        .isEqualTo(ChatModel.Failure.Kind.TIMEOUT));
        assertThat(pieces).containsExactly("Echo: ");
    }

    @Test
    void aServerError_isAFailure_inTheServersOwnWords() {
        server.mode(FakeChatModelServer.Mode.FAIL_500);

        assertThatThrownBy(() -> model.reply(endpoint, MESSAGES, SILENCE, null))
                .isInstanceOfSatisfying(ChatModel.Failure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(ChatModel.Failure.Kind.FAILED);
                    assertThat(failure.getMessage()).isEqualTo("the model server answered 500: The server had an"
                            + " error while processing your request.");
                });
    }

    @Test
    void aRefusedKey_isRefused() {
        server.requireKey("sk-right");

        assertThatThrownBy(() -> model.reply(endpoint, MESSAGES, SILENCE, null))
                .isInstanceOfSatisfying(ChatModel.Failure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(ChatModel.Failure.Kind.REFUSED);
                    assertThat(failure.getMessage()).contains("401").contains("Incorrect API key provided");
                });
    }

    @Test
    void garbage_isMalformed_wholeOrStreamed() {
        server.mode(FakeChatModelServer.Mode.GARBAGE);

        assertThatThrownBy(() -> model.reply(endpoint, MESSAGES, SILENCE, null))
                .isInstanceOfSatisfying(ChatModel.Failure.class, failure -> assertThat(failure.kind())
                        .isEqualTo(ChatModel.Failure.Kind.MALFORMED));
        assertThatThrownBy(() -> model.reply(endpoint, MESSAGES, SILENCE, piece -> { }))
                .isInstanceOfSatisfying(ChatModel.Failure.class, failure -> assertThat(failure.kind())
                        .isEqualTo(ChatModel.Failure.Kind.MALFORMED));
    }

    @Test
    void aServerThatCannotBeReached_isUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() -> model.reply(new ChatModel.Endpoint("http://127.0.0.1:" + closed + "/v1", null, "m"),
                MESSAGES, SILENCE, null))
                .isInstanceOfSatisfying(ChatModel.Failure.class, failure -> assertThat(failure.kind())
                        .isEqualTo(ChatModel.Failure.Kind.UNREACHABLE));
    }
}
