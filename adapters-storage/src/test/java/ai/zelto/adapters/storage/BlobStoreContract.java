package ai.zelto.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.out.BlobStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every BlobStore must do; each adapter's test extends this. */
abstract class BlobStoreContract {
    @TempDir
    Path temp;

    abstract BlobStore store();

    private Path file(byte[] bytes) throws Exception {
        Path file = Files.createTempFile(temp, "blob", ".bin");
        Files.write(file, bytes);
        return file;
    }

    private static byte[] read(BlobStore store, String key, long offset, long length) throws Exception {
        try (InputStream in = store.read(key, offset, length)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aStoredBlob_hasItsSize_andReadsBackWholeAndByRange() throws Exception {
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        store().put("recordings/c1/abc", file(bytes));

        assertThat(store().size("recordings/c1/abc")).hasValue(bytes.length);
        assertThat(read(store(), "recordings/c1/abc", 0, bytes.length)).isEqualTo(bytes);
        assertThat(read(store(), "recordings/c1/abc", 1000, 10)).isEqualTo(Arrays.copyOfRange(bytes, 1000, 1010));
        assertThat(read(store(), "recordings/c1/abc", bytes.length - 5, 5))
                .isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length));
    }

    @Test
    void storingAgain_replacesTheBlob() throws Exception {
        store().put("uploads/o/d", file("first version".getBytes()));
        store().put("uploads/o/d", file("second".getBytes()));

        assertThat(store().size("uploads/o/d")).hasValue(6);
        assertThat(read(store(), "uploads/o/d", 0, 6)).isEqualTo("second".getBytes());
    }

    @Test
    void aMissingBlob_hasNoSize() throws Exception {
        assertThat(store().size("recordings/none/here")).isEmpty();
    }
}
