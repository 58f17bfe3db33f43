package ai.zelto.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.port.out.SystemValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmSecretCipherTest {
    /** Base64 of 32 bytes. */
    private static final String SECRETS_KEY = "dGVzdC1vbmx5LXNlY3JldHMta2V5LTMyLWJ5dGVzISE=";

    @TempDir
    Path dataDir;

    @Test
    void valuesRoundTrip_andEachEncryptionDiffers() {
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromConfiguration(SECRETS_KEY, dataDir);

        String once = cipher.encrypt("retell key ✓");
        assertThat(cipher.decrypt(once)).isEqualTo("retell key ✓");
        assertThat(cipher.encrypt("retell key ✓")).isNotEqualTo(once);
        assertThat(once).doesNotContain("retell");
    }

    @Test
    void alteredCiphertext_orAnotherKey_failsLoudly() {
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromConfiguration(SECRETS_KEY, dataDir);
        String sealed = cipher.encrypt("secret");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalStateException.class);
        AesGcmSecretCipher other = AesGcmSecretCipher.fromConfiguration(null, dataDir);
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredKey_aKeyFileIsCreatedOnce_readableByTheOwnerOnly() throws Exception {
        AesGcmSecretCipher first = AesGcmSecretCipher.fromConfiguration(null, dataDir);
        String sealed = first.encrypt("kept across restarts");
        AesGcmSecretCipher second = AesGcmSecretCipher.fromConfiguration("", dataDir);

        assertThat(second.decrypt(sealed)).isEqualTo("kept across restarts");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secrets.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void copiesWithDifferentKeys_failStartUpWithAClearMessage() {
        Map<String, String> stored = new HashMap<>();
        SystemValues database = new SystemValues() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(stored.get(name));
            }

            @Override
            public String putIfAbsent(String name, String value) {
                return stored.computeIfAbsent(name, n -> value);
            }
        };
        AesGcmSecretCipher.fromConfiguration(SECRETS_KEY, dataDir).verifyAgainst(database);
        AesGcmSecretCipher.fromConfiguration(SECRETS_KEY, dataDir).verifyAgainst(database);

        assertThatThrownBy(() -> AesGcmSecretCipher.fromConfiguration(null, dataDir).verifyAgainst(database))
                .hasMessageContaining("give every copy of Zelto the same ZELTO_SECRETS_KEY");
        assertThatThrownBy(() -> AesGcmSecretCipher.fromConfiguration("not base64!", dataDir))
                .hasMessageContaining("ZELTO_SECRETS_KEY must be the base64 of 32 random bytes");
    }
}
