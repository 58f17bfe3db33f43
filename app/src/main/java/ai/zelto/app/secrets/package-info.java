/**
 * The cryptography behind two driven ports, built on the JDK's own providers (no hand-written primitives):
 * {@code AesGcmSecretCipher} ({@code SecretCipher}: provider secrets at rest) and {@code HmacSecretHasher}
 * ({@code SecretHasher}: API key hashes). They live in {@code app} rather than an adapter module of their own
 * because both are keyed by the operator's secrets key, which only the composition root reads; nothing here
 * wires anything.
 */
package ai.zelto.app.secrets;
