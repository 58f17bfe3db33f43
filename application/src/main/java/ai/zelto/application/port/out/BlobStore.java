package ai.zelto.application.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Zelto's own storage of audio: files under the data directory, or an S3 bucket. Keys are paths like a/b/c. */
public interface BlobStore {
    /** Stores the file's bytes under the key, durably, replacing what was there. */
    void put(String key, Path file) throws IOException;

    /** The stored size, or empty when nothing is stored under the key. */
    OptionalLong size(String key) throws IOException;

    /** Reads {@code length} bytes from {@code offset}. */
    InputStream read(String key, long offset, long length) throws IOException;
}
