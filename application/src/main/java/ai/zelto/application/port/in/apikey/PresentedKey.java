package ai.zelto.application.port.in.apikey;

import java.util.Optional;

/**
 * The API key a request carries. Keys are read only from {@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}, never from the query string: URLs end up in proxy logs, browser histories and
 * {@code Referer} headers.
 *
 * @param secret the key as sent; checked by {@link AdmitRequestUseCase}, never logged
 */
public record PresentedKey(String secret) {
    private static final String BEARER = "bearer ";

    public PresentedKey {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("an empty key");
        }
    }

    /**
     * The key from a request's headers: the {@code Authorization} header when it is a Bearer credential, else
     * {@code X-API-Key}; empty when neither carries one.
     */
    public static Optional<PresentedKey> fromHeaders(String authorization, String apiKeyHeader) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            if (!token.isEmpty()) {
                return Optional.of(new PresentedKey(token));
            }
        }
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return Optional.of(new PresentedKey(apiKeyHeader.strip()));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "PresentedKey[***]";
    }
}
