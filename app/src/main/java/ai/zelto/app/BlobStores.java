package ai.zelto.app;

import ai.zelto.adapters.storage.FileBlobStore;
import ai.zelto.adapters.storage.S3BlobStore;
import ai.zelto.application.port.out.BlobStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Chooses the blob store: files under {@code <dataDir>/blobs} (default), or an S3-compatible bucket. */
final class BlobStores {
    private BlobStores() {
    }

    static BlobStore create(ZeltoConfiguration config, Clock clock) {
        ZeltoConfiguration.StorageSettings storage = config.getStorage();
        String type = storage.getType() == null ? "file" : storage.getType().strip().toLowerCase(Locale.ROOT);
        if (type.equals("file")) {
            return new FileBlobStore(Path.of(config.getDataDir()).resolve("blobs"));
        }
        if (!type.equals("s3")) {
            throw new IllegalStateException("ZELTO_BLOB_STORE is file or s3, not '" + storage.getType() + "'");
        }
        List<String> missing = new ArrayList<>();
        if (blank(storage.getS3Endpoint())) {
            missing.add("ZELTO_S3_ENDPOINT");
        }
        if (blank(storage.getS3Bucket())) {
            missing.add("ZELTO_S3_BUCKET");
        }
        if (blank(storage.getS3AccessKey())) {
            missing.add("ZELTO_S3_ACCESS_KEY");
        }
        if (blank(storage.getS3SecretKey())) {
            missing.add("ZELTO_S3_SECRET_KEY");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("ZELTO_BLOB_STORE=s3 needs " + String.join(", ", missing));
        }
        return new S3BlobStore(URI.create(storage.getS3Endpoint()), storage.getS3Region(), storage.getS3Bucket(),
                storage.getS3AccessKey(), storage.getS3SecretKey(), storage.isS3PathStyle(), clock);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
