package ai.zelto.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void explicitWins_thenNative_thenPromptHash_thenNone() {
        assertThat(Version.derive("v3", "native-2", "prompt")).isEqualTo("v3");
        assertThat(Version.derive(null, "native-2", "prompt")).isEqualTo("native-2");
        assertThat(Version.derive(null, null, "prompt")).isEqualTo(Version.promptHash("prompt"));
        assertThat(Version.derive(null, null, "   ")).isNull();
        assertThat(Version.derive(null, null, null)).isNull();
    }

    @Test
    void thePromptHash_isStableShortAndSensitiveToTheText() {
        // the first 12 hex digits of: printf %s "You are a helpful agent." | sha256sum
        assertThat(Version.promptHash("You are a helpful agent.")).isEqualTo("fb825410b084")
                .isEqualTo(Version.promptHash("You are a helpful agent."))
                .isNotEqualTo(Version.promptHash("You are a helpful agent!"));
    }
}
