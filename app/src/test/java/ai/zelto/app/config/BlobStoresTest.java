package ai.zelto.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.adapters.storage.FileBlobStore;
import ai.zelto.adapters.storage.S3BlobStore;
import ai.zelto.application.port.out.BlobStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlobStoresTest {
    private static BlobStore build(Map<String, String> environment) {
        ZeltoConfiguration config = Configurations.of(environment);
        return config.getStorage().build(config.dataDirectory(), Clock.systemUTC());
    }

    @Test
    void filesByDefault_s3WhenConfigured_andAClearMessageWhenS3SettingsAreMissing() {
        assertThat(build(Map.of())).isInstanceOf(FileBlobStore.class);

        Map<String, String> environment = new HashMap<>(Map.of("ZELTO_BLOB_STORE", "S3"));
        assertThatThrownBy(() -> build(environment))
                .hasMessage("ZELTO_BLOB_STORE=s3 needs ZELTO_S3_ENDPOINT, ZELTO_S3_BUCKET, ZELTO_S3_ACCESS_KEY,"
                        + " ZELTO_S3_SECRET_KEY");
        environment.putAll(Map.of("ZELTO_S3_ENDPOINT", "http://127.0.0.1:9000", "ZELTO_S3_BUCKET", "zelto",
                "ZELTO_S3_ACCESS_KEY", "a", "ZELTO_S3_SECRET_KEY", "s"));
        assertThat(build(environment)).isInstanceOf(S3BlobStore.class);

        environment.put("ZELTO_BLOB_STORE", "gcs");
        assertThatThrownBy(() -> build(environment)).hasMessageContaining("file or s3");
    }
}
