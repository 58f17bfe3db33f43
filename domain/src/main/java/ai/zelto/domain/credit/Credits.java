package ai.zelto.domain.credit;

/** An amount of credits; may be negative only as a balance (usage is never refused after the fact). */
public record Credits(long amount) implements Comparable<Credits> {
    public static final Credits ZERO = new Credits(0);

    public static Credits of(long amount) {
        return new Credits(amount);
    }

    public Credits plus(Credits other) {
        return new Credits(Math.addExact(amount, other.amount));
    }

    public Credits minus(Credits other) {
        return new Credits(Math.subtractExact(amount, other.amount));
    }

    @Override
    public int compareTo(Credits other) {
        return Long.compare(amount, other.amount);
    }
}
