package ai.zelto.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChatHistoryTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    private static ChatMessage message(int i, int length) {
        return new ChatMessage(i % 2 == 0 ? ChatMessage.Role.USER : ChatMessage.Role.ASSISTANT, "x".repeat(length),
                AT.plusSeconds(i));
    }

    @Test
    void everythingFits_everythingIsKept() {
        List<ChatMessage> messages = List.of(message(0, 40), message(1, 40), message(2, 40));

        assertThat(ChatHistory.fit("Be kind.", messages, 1_000)).isEqualTo(messages);
    }

    @Test
    void theOldestAreDropped_theSystemPromptCountsFirst() {
        List<ChatMessage> messages = List.of(message(0, 400), message(1, 400), message(2, 400));
        // each message: 100 + 4; the prompt: 2 + 4
        assertThat(ChatHistory.fit("Be kind.", messages, 6 + 104 * 2)).containsExactly(messages.get(1),
                messages.get(2));
        assertThat(ChatHistory.fit("Be kind.", messages, 6 + 104 * 2 - 1)).containsExactly(messages.get(2));
    }

    @Test
    void theMessageBeingAnswered_isAlwaysSent_evenAloneOverTheBudget() {
        List<ChatMessage> messages = List.of(message(0, 10), message(1, 10), message(2, 10_000));

        assertThat(ChatHistory.fit("p".repeat(1_000), messages, 50)).containsExactly(messages.get(2));
    }

    @Test
    void whateverTheLengths_whatIsKeptIsANewestRun_withinTheBudget_seeded() {
        Random random = new Random(20261203);
        for (int round = 0; round < 500; round++) {
            List<ChatMessage> messages = new ArrayList<>();
            int count = 1 + random.nextInt(30);
            for (int i = 0; i < count; i++) {
                messages.add(message(i, random.nextInt(2_000)));
            }
            String prompt = "s".repeat(random.nextInt(3_000));
            int budget = random.nextInt(5_000);

            List<ChatMessage> kept = ChatHistory.fit(prompt, messages, budget);

            assertThat(kept).isNotEmpty();
            assertThat(kept).isEqualTo(messages.subList(messages.size() - kept.size(), messages.size()));
            int used = (prompt.isEmpty() ? 0 : ChatHistory.tokens(prompt))
                    + kept.stream().mapToInt(m -> ChatHistory.tokens(m.text())).sum();
            if (kept.size() > 1) {
                assertThat(used).isLessThanOrEqualTo(budget);
            }
            if (kept.size() < messages.size()) {
                int withOneMore = used + ChatHistory.tokens(messages.get(messages.size() - kept.size() - 1).text());
                assertThat(withOneMore).as("the next older one would not have fit").isGreaterThan(budget);
            }
        }
    }
}
