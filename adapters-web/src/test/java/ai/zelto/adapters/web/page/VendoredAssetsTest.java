package ai.zelto.adapters.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.domain.shared.Sha256;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The vendored LiveKit client is byte for byte the file npm publishes (see vendor/livekit-client/README.md). */
class VendoredAssetsTest {
    @Test
    void theLiveKitClientIsNpmsFileUnchanged_andServed() throws Exception {
        try (InputStream in = Assets.class.getResourceAsStream(
                "/ai/zelto/adapters/web/vendor/livekit-client/livekit-client.umd.js")) {
            assertThat(in).isNotNull();
            assertThat(Sha256.hex(in.readAllBytes()))
                    .isEqualTo("fb646f2260d84f91238d0a2dc10726c456631d6a26c7cafc43cfee5959b4d31d");
        }
        assertThat(new Assets().url("livekit-client.umd.js")).startsWith("/assets/livekit-client.umd-");
    }
}
