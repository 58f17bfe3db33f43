package ai.zelto.application.port.out;

/** Encrypts secrets at rest (provider settings, hook tokens). Authenticated: tampering fails decryption. */
public interface SecretCipher {
    /** The ciphertext as text safe to store. */
    String encrypt(String plaintext);

    /**
     * @throws IllegalStateException when the ciphertext was not made with this key or was altered
     */
    String decrypt(String ciphertext);
}
