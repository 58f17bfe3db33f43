package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.adapters.storage.FileBlobStore;
import ai.zelto.adapters.storage.S3BlobStore;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class BlobStoresTest {
    @Test
    void filesByDefault_s3WhenConfigured_andAClearMessageWhenS3SettingsAreMissing() {
        ZeltoConfiguration config = new ZeltoConfiguration();
        assertThat(BlobStores.create(config, Clock.systemUTC())).isInstanceOf(FileBlobStore.class);

        config.getStorage().setType("S3");
        assertThatThrownBy(() -> BlobStores.create(config, Clock.systemUTC()))
                .hasMessage("ZELTO_BLOB_STORE=s3 needs ZELTO_S3_ENDPOINT, ZELTO_S3_BUCKET, ZELTO_S3_ACCESS_KEY,"
                        + " ZELTO_S3_SECRET_KEY");
        config.getStorage().setS3Endpoint("http://127.0.0.1:9000");
        config.getStorage().setS3Bucket("zelto");
        config.getStorage().setS3AccessKey("a");
        config.getStorage().setS3SecretKey("s");
        assertThat(BlobStores.create(config, Clock.systemUTC())).isInstanceOf(S3BlobStore.class);

        config.getStorage().setType("gcs");
        assertThatThrownBy(() -> BlobStores.create(config, Clock.systemUTC())).hasMessageContaining("file or s3");
    }
}
