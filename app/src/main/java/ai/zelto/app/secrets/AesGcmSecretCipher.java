package ai.zelto.app.secrets;

import ai.zelto.application.port.out.SecretCipher;
import ai.zelto.application.port.out.SystemValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value; the stored text is {@code v1:} + base64(nonce ‖ ciphertext
 * ‖ tag). The key comes from {@code ZELTO_SECRETS_KEY} (base64 of 32 bytes) or, when that is not set, from
 * {@code <data dir>/secrets.key}, created on first start with owner-only permissions.
 */
public final class AesGcmSecretCipher implements SecretCipher {
    static final String KEY_FILE = "secrets.key";
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CHECK_NAME = "secrets_key_check";
    private static final String CHECK_PLAINTEXT = "zelto secrets key check";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    AesGcmSecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the secrets key is 32 bytes (base64: 44 characters)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The configured key, or the data directory's key file (created when missing). */
    public static AesGcmSecretCipher fromConfiguration(String configuredKey, Path dataDir) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            try {
                return new AesGcmSecretCipher(Base64.getDecoder().decode(configuredKey.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("ZELTO_SECRETS_KEY must be the base64 of 32 random bytes"
                        + " (e.g. `openssl rand -base64 32`)", e);
            }
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // another process created it first; use theirs
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                }
            }
            return new AesGcmSecretCipher(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the secrets key file " + file, e);
        }
    }

    /**
     * Makes sure every app copy on this database uses the same key: the first one stores an encrypted check
     * value, later ones must be able to decrypt it. Fails start-up with a clear message otherwise.
     */
    public void verifyAgainst(SystemValues values) {
        String stored = values.putIfAbsent(CHECK_NAME, encrypt(CHECK_PLAINTEXT));
        try {
            if (CHECK_PLAINTEXT.equals(decrypt(stored))) {
                return;
            }
        } catch (IllegalStateException wrongKey) {
            // reported below
        }
        throw new IllegalStateException("this database's secrets were encrypted with another key: give every copy"
                + " of Zelto the same ZELTO_SECRETS_KEY (or the same " + KEY_FILE + ")");
    }

    /** A separate key for another purpose (HMAC-SHA256 of the label under the secrets key). */
    public byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every Java runtime", e);
        }
    }

    @Override
    public String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every Java runtime", e);
        }
    }

    @Override
    public String decrypt(String ciphertext) {
        if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
            throw new IllegalStateException("not a value encrypted by Zelto");
        }
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret does not decrypt with this key, or was altered", e);
        }
    }
}
