package ai.zelto.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.out.BlobStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The S3 store against a real S3-compatible server: Adobe's S3Mock from Maven Central, started by the test as
 * its own process on 127.0.0.1 (its Spring Boot classpath stays out of ours).
 */
class S3BlobStoreIT extends BlobStoreContract {
    private static Process s3mock;
    private static int port;

    @BeforeAll
    static void startS3() throws Exception {
        Path jar = Path.of(System.getProperty("s3mock.jar", "missing"));
        assertThat(jar).as("S3Mock jar from Maven Central (see adapters-storage/pom.xml)").exists();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("s3mock", ".log");
        s3mock = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "--server.port=0", "--com.adobe.testing.s3mock.httpPort=" + port,
                "--com.adobe.testing.s3mock.store.initial-buckets=zelto-test", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(s3mock.isAlive()).as(() -> read(log)).isTrue();
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("S3Mock did not start: " + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @AfterAll
    static void stopS3() throws InterruptedException {
        s3mock.destroy();
        if (!s3mock.waitFor(30, TimeUnit.SECONDS)) {
            s3mock.destroyForcibly();
        }
    }

    @Override
    BlobStore store() {
        return new S3BlobStore(URI.create("http://127.0.0.1:" + port), "us-east-1", "zelto-test", "test-access",
                "test-secret", true, Clock.systemUTC());
    }
}
