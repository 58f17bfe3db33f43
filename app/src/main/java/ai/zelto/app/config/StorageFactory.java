package ai.zelto.app.config;

import ai.zelto.adapters.storage.FileBlobStore;
import ai.zelto.adapters.storage.S3BlobStore;
import ai.zelto.application.port.out.BlobStore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where recordings are kept: {@code file} (under {@code <dataDir>/blobs}, the default) or {@code s3} (any
 * S3-compatible service). One flat group rather than a polymorphic {@code type}: each variable then maps to one
 * place whichever store is chosen, and S3 variables left set while the type is {@code file} do not stop start-up.
 */
public class StorageFactory {
    @JsonProperty
    @Env("ZELTO_BLOB_STORE")
    private String type = "file";

    @JsonProperty
    @Env("ZELTO_S3_ENDPOINT")
    private String s3Endpoint;

    @JsonProperty
    @Env("ZELTO_S3_REGION")
    private String s3Region = "us-east-1";

    @JsonProperty
    @Env("ZELTO_S3_BUCKET")
    private String s3Bucket;

    @JsonProperty
    @Env("ZELTO_S3_ACCESS_KEY")
    private String s3AccessKey;

    @JsonProperty
    @Env("ZELTO_S3_SECRET_KEY")
    private String s3SecretKey;

    @JsonProperty
    @Env("ZELTO_S3_PATH_STYLE")
    private boolean s3PathStyle = true;

    /** The chosen store; an unknown type or an S3 store missing a setting stops start-up, naming what is wrong. */
    public BlobStore build(Path dataDir, Clock clock) {
        String chosen = type == null ? "file" : type.strip().toLowerCase(Locale.ROOT);
        if (chosen.equals("file")) {
            return new FileBlobStore(dataDir.resolve("blobs"));
        }
        if (!chosen.equals("s3")) {
            throw new IllegalStateException("ZELTO_BLOB_STORE is file or s3, not '" + type + "'");
        }
        List<String> missing = new ArrayList<>();
        if (blank(s3Endpoint)) {
            missing.add("ZELTO_S3_ENDPOINT");
        }
        if (blank(s3Bucket)) {
            missing.add("ZELTO_S3_BUCKET");
        }
        if (blank(s3AccessKey)) {
            missing.add("ZELTO_S3_ACCESS_KEY");
        }
        if (blank(s3SecretKey)) {
            missing.add("ZELTO_S3_SECRET_KEY");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("ZELTO_BLOB_STORE=s3 needs " + String.join(", ", missing));
        }
        return new S3BlobStore(URI.create(s3Endpoint), s3Region, s3Bucket, s3AccessKey, s3SecretKey, s3PathStyle,
                clock);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
