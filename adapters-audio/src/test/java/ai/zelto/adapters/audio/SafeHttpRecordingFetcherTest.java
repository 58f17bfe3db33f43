package ai.zelto.adapters.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.outbound.OutboundGuard;
import ai.zelto.application.port.out.RecordingFetcher.FetchException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeHttpRecordingFetcherTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "255.255.255.255",
            "198.18.0.1", "192.0.2.7", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2001:db8::1"})
    void internalAddresses_areRecognized(String address) throws Exception {
        assertThat(OutboundGuard.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2606:4700::1111"})
    void publicAddresses_areAllowed(String address) throws Exception {
        assertThat(OutboundGuard.isInternal(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a.wav", "file:///etc/passwd", "gopher://x/", "http:///nohost",
            "http://127.0.0.1:1/a.wav", "http://169.254.169.254/latest/meta-data", "http://[::1]/a.wav",
            "http://localhost/a.wav"})
    void forbiddenUrls_areRefusedForGood_beforeAnyRequest(String url) {
        SafeHttpRecordingFetcher fetcher = new SafeHttpRecordingFetcher(Set.of(), 1024, Duration.ofSeconds(5));

        assertThatThrownBy(() -> fetcher.fetch(url)).isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).retryable()).isFalse());
    }
}
