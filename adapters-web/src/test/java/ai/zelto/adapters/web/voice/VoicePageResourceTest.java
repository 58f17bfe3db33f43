package ai.zelto.adapters.web.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoicePageResourceTest {
    @Test
    void theTalkPageMayConnectToTheLiveKitOriginOverWebSocketAndHttp_inTheSameSecurity() {
        assertThat(VoicePageResource.origins("ws://127.0.0.1:7880")).containsExactly("ws://127.0.0.1:7880",
                "http://127.0.0.1:7880");
        assertThat(VoicePageResource.origins("wss://project.livekit.cloud")).containsExactly(
                "wss://project.livekit.cloud", "https://project.livekit.cloud");
        assertThat(VoicePageResource.origins("https://lk.example.com:8443/")).containsExactly(
                "wss://lk.example.com:8443", "https://lk.example.com:8443");
    }
}
