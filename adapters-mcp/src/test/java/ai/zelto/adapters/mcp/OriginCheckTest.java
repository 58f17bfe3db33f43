package ai.zelto.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OriginCheckTest {
    @Test
    void withAPublicUrl_onlyItsOriginIsServed_defaultPortsIncluded() throws Exception {
        OriginCheck check = new OriginCheck(URI.create("https://zelto.example.com/"));
        assertThat(check.allowed("https://zelto.example.com")).isTrue();
        assertThat(check.allowed("https://ZELTO.example.com:443")).isTrue();
        assertThat(check.allowed("http://zelto.example.com")).isFalse();
        assertThat(check.allowed("https://zelto.example.com.evil.io")).isFalse();
        assertThat(check.allowed("http://localhost:8080")).isFalse();
        assertThat(check.allowed("null")).isFalse();
        check.validateHeaders(Map.of("Content-Type", List.of("application/json")));
        assertThatThrownBy(() -> check.validateHeaders(Map.of("origin", List.of("https://evil.example"))))
                .isInstanceOfSatisfying(ServerTransportSecurityException.class,
                        refused -> assertThat(refused.getStatusCode()).isEqualTo(403));
    }

    @Test
    void withoutOne_onlyPagesOnThisMachine() {
        OriginCheck check = new OriginCheck(null);
        assertThat(check.allowed("http://localhost:3000")).isTrue();
        assertThat(check.allowed("http://127.0.0.1")).isTrue();
        assertThat(check.allowed("http://192.168.1.20")).isFalse();
        assertThat(check.allowed("https://attacker.example")).isFalse();
    }
}
