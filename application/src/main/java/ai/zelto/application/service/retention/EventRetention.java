package ai.zelto.application.service.retention;

import ai.zelto.application.port.out.PhoneCallRepository;
import ai.zelto.application.port.out.VoiceSessionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntUnaryOperator;

/**
 * Forgets the webhook events Zelto keeps to recognise a provider's retries (LiveKit's event ids, Meta's and Twilio's
 * call events) once they are {@link #KEPT} old: no provider retries that late (Meta, the longest, retries for up to
 * seven days), and without this the tables only grow. A phone event not yet acted on is kept however old, so work
 * a stopped copy left is never lost. What those events did is kept where it belongs (the calls, sessions and
 * conversations); the events themselves are never shown.
 *
 * <p>Rows go in batches of {@value #BATCH}, each its own short statement, so that a first run on a large backlog
 * never holds locks the webhooks wait for.
 */
public final class EventRetention {
    /** How long an event is remembered. */
    public static final Duration KEPT = Duration.ofDays(30);
    static final int BATCH = 1_000;

    private final PhoneCallRepository phoneCalls;
    private final VoiceSessionRepository voiceSessions;
    private final Clock clock;

    public EventRetention(PhoneCallRepository phoneCalls, VoiceSessionRepository voiceSessions, Clock clock) {
        this.phoneCalls = phoneCalls;
        this.voiceSessions = voiceSessions;
        this.clock = clock;
    }

    /** Forgets every event older than {@link #KEPT}; how many were forgotten. */
    public int forgetOld() {
        Instant before = clock.instant().minus(KEPT);
        return inBatches(limit -> phoneCalls.forgetEvents(before, limit))
                + inBatches(limit -> voiceSessions.forgetWebhookEvents(before, limit));
    }

    /** Runs {@code forget} on batches of {@value #BATCH} until one comes back short; how many went in all. */
    private static int inBatches(IntUnaryOperator forget) {
        int forgotten = 0;
        int batch;
        do {
            batch = forget.applyAsInt(BATCH);
            forgotten += batch;
        } while (batch == BATCH);
        return forgotten;
    }
}
