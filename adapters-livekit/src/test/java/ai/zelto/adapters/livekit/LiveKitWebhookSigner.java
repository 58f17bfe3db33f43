package ai.zelto.adapters.livekit;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Signs a webhook body the way LiveKit's server does ({@code livekit/protocol} {@code webhook/url_notifier.go}):
 * a JWT from the API key with {@code nbf} = now, {@code exp} = now + 5 minutes and a {@code sha256} claim of the
 * body (base64, standard, padded), sent as the raw {@code Authorization} header.
 */
public final class LiveKitWebhookSigner {
    private LiveKitWebhookSigner() {
    }

    public static String sign(byte[] body, String apiKey, String apiSecret, Instant now) {
        return JWT.create().withIssuer(apiKey).withNotBefore(Date.from(now)).withIssuedAt(Date.from(now))
                .withExpiresAt(Date.from(now.plus(Duration.ofMinutes(5))))
                .withClaim("sha256", LiveKitServerApi.sha256(body)).sign(Algorithm.HMAC256(apiSecret));
    }
}
