package ai.zelto.application.readmodel;

/** An organization's credits: {@code balance = granted - charged}; it may go below zero. */
public record CreditBalance(long balance, long charged, long granted) {
}
