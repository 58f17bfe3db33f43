package ai.zelto.domain.conversation;

import static ai.zelto.domain.conversation.Calls.assistant;
import static ai.zelto.domain.conversation.Calls.call;
import static ai.zelto.domain.conversation.Calls.system;
import static ai.zelto.domain.conversation.Calls.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationTest {
    private static final OrganizationId ORG = OrganizationId.newId();
    private static final AgentId AGENT = AgentId.newId();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Conversation create(CallIngest call) {
        return Conversation.create(ConversationId.newId(), ORG, "zelto", AGENT, call, T0, T0);
    }

    @Test
    void aRepostWithOnlyARecording_keepsTheTranscriptAndSetsTheUrl() {
        Conversation first = create(call("c").turns(user("hi"), assistant("hello")).duration(30).build());

        Conversation merged = first.apply("zelto", AGENT, call("c").recordingUrl("https://r/1.wav").build(), T0, T0);

        assertThat(merged.turns()).containsExactly(user("hi"), assistant("hello"));
        assertThat(merged.recordingUrl()).isEqualTo("https://r/1.wav");
        assertThat(merged.durationSeconds()).isEqualByComparingTo("30");
        assertThat(merged.id()).isEqualTo(first.id());
    }

    @Test
    void carriedFieldsReplace_andOmittedFieldsStay() {
        Conversation first = create(call("c").turns(user("a")).endedReason("hangup").customer("+1", "Ann")
                .metadata(Map.of("channel", "phone", "analysis", "positive")).build());

        Conversation merged = first.apply("zelto", AGENT, call("c").turns(user("b")).customer(null, "Bea")
                .metadata(Map.of("channel", "sms")).build(), T0, T0);

        assertThat(merged.turns()).containsExactly(user("b"));
        assertThat(merged.endedReason()).isEqualTo("hangup");
        assertThat(merged.customerNumber()).isEqualTo("+1");
        assertThat(merged.customerName()).isEqualTo("Bea");
        assertThat(merged.metadata()).as("top-level keys merge").isEqualTo(Map.of("channel", "sms", "analysis", "positive"));
    }

    @Test
    void aPromptOnlyTranscript_neverWipesAStoredOne() {
        Conversation first = create(call("c").turns(user("a")).build());

        Conversation merged = first.apply("zelto", AGENT, call("c").turns(system("be nice")).build(), T0, T0);

        assertThat(merged.turns()).containsExactly(user("a"));
        assertThat(merged.systemPrompt()).isEqualTo("be nice");
    }

    @Test
    void anUnconnectedDial_cannotCreateAConversation() {
        assertThatThrownBy(() -> create(call("c").endedReason("no-answer").build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(call("c").turns(system("prompt only")).build().hasContent()).isFalse();
        assertThat(call("c").recordingUrl("https://r").build().hasContent()).isTrue();
    }

    @Test
    void theSystemPrompt_comesFromALeadingSystemTurnWhenNotGiven() {
        CallIngest call = call("c").turns(system("You are helpful."), user("hi")).build();

        assertThat(create(call).systemPrompt()).isEqualTo("You are helpful.");
        assertThat(create(call).version()).isEqualTo(Version.promptHash("You are helpful."));
    }

    @Test
    void aLaterExplicitVersion_replacesADerivedOne() {
        Conversation first = create(call("c").turns(user("a")).systemPrompt("p").build());

        Conversation merged = first.apply("zelto", AGENT, call("c").version("v7").build(), T0, T0);

        assertThat(first.version()).isEqualTo(Version.promptHash("p"));
        assertThat(merged.version()).isEqualTo("v7");
    }

    @Test
    void billableSeconds_fallBackFromDurationToTimesToTurns() {
        assertThat(create(call("c").turns(user("a")).duration(61).build()).billableSeconds()).isEqualByComparingTo("61");
        assertThat(create(call("c").turns(user("a")).times(T0, T0.plusSeconds(125)).build()).billableSeconds())
                .isEqualByComparingTo("125");
        assertThat(create(call("c").turns(new TranscriptTurn(Role.USER, "a", 1.0, 42.5)).build()).billableSeconds())
                .isEqualByComparingTo("42.5");
        assertThat(create(call("c").recordingUrl("https://r").build()).billableSeconds()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aDeliveryOfAnotherCall_cannotBeMergedIn() {
        Conversation first = create(call("c").turns(user("a")).build());

        assertThatThrownBy(() -> first.apply("zelto", AGENT, call("other").turns(user("b")).build(), T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
