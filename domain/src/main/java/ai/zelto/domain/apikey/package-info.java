/**
 * API keys: the shape of a key's secret and the stored key record. Hashing and lookup are ports of the
 * application; the plaintext secret is never persisted or logged.
 */
package ai.zelto.domain.apikey;
