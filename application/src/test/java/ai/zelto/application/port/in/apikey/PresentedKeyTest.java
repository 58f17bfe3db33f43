package ai.zelto.application.port.in.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PresentedKeyTest {
    @Test
    void aKey_isReadFromABearerCredential_inAnyCase_elseFromXApiKey() {
        assertThat(PresentedKey.fromHeaders("Bearer zk_abc", null)).contains(new PresentedKey("zk_abc"));
        assertThat(PresentedKey.fromHeaders("bearer  zk_abc ", null)).contains(new PresentedKey("zk_abc"));
        assertThat(PresentedKey.fromHeaders(null, "zk_def")).contains(new PresentedKey("zk_def"));
        assertThat(PresentedKey.fromHeaders("Bearer zk_abc", "zk_def")).as("Authorization first")
                .contains(new PresentedKey("zk_abc"));
        assertThat(PresentedKey.fromHeaders("Basic Zm9vOmJhcg==", "zk_def")).contains(new PresentedKey("zk_def"));
    }

    @Test
    void noKey_isPresentedByOtherSchemes_emptyValues_orNothing() {
        assertThat(PresentedKey.fromHeaders(null, null)).isEmpty();
        assertThat(PresentedKey.fromHeaders("Basic Zm9vOmJhcg==", null)).isEmpty();
        assertThat(PresentedKey.fromHeaders("Bearer ", "  ")).isEmpty();
        assertThat(PresentedKey.fromHeaders("Bearer", null)).isEqualTo(Optional.empty());
        assertThat(PresentedKey.fromHeaders("zk_abc", null)).as("a bare key is not a Bearer credential").isEmpty();
    }

    @Test
    void theKey_neverShowsInText() {
        assertThat(new PresentedKey("zk_secret").toString()).doesNotContain("zk_secret");
    }
}
