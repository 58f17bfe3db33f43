package ai.zelto.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderPluginsTest {
    @Test
    void theBuiltInProviders_areExactlyThese() {
        assertThat(ProviderPlugins.load(getClass().getClassLoader()).ids()).containsExactly("livekit", "retell", "vapi", "zelto");
    }
}
