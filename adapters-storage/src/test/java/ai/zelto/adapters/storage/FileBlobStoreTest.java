package ai.zelto.adapters.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.port.out.BlobStore;
import org.junit.jupiter.api.Test;

class FileBlobStoreTest extends BlobStoreContract {
    @Override
    BlobStore store() {
        return new FileBlobStore(temp.resolve("blobs"));
    }

    @Test
    void keysCannotEscapeTheRoot() {
        assertThatThrownBy(() -> store().size("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().size("/abs")).isInstanceOf(IllegalArgumentException.class);
    }
}
