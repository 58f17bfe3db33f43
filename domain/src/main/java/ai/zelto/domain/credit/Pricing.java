package ai.zelto.domain.credit;

import ai.zelto.domain.conversation.Conversation;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a conversation costs: a price per started minute of the call, and never less than one credit. A
 * conversation has exactly one charge; re-posts recompute it from the merged conversation.
 */
public record Pricing(long creditsPerStartedMinute) {
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    public Pricing {
        if (creditsPerStartedMinute < 0) {
            throw new IllegalArgumentException("the price per started minute must be >= 0");
        }
    }

    public Credits chargeFor(Conversation conversation) {
        long startedMinutes = conversation.billableSeconds().divide(SIXTY, 0, RoundingMode.CEILING).longValueExact();
        long amount = Math.multiplyExact(startedMinutes, creditsPerStartedMinute);
        return Credits.of(Math.max(1, amount));
    }
}
