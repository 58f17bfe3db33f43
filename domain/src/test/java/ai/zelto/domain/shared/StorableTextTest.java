package ai.zelto.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextTest {
    @Test
    void nulAndUnpairedSurrogates_becomeReplacementCharacters() {
        assertThat(StorableText.of("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(StorableText.of("x\uD800y")).isEqualTo("x\uFFFDy");
        assertThat(StorableText.of("\uDC00")).isEqualTo("\uFFFD");
        assertThat(StorableText.of("end\uD83D")).isEqualTo("end\uFFFD");
    }

    @Test
    void validTextIncludingEmoji_isReturnedUnchanged() {
        String text = "héllo 👋 世界";
        assertThat(StorableText.of(text)).isSameAs(text);
        assertThat(StorableText.of(null)).isNull();
    }
}
