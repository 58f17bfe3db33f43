package ai.zelto.application.port.in.credit;

/** An organization's credits: {@code balance = granted - charged}; it may go below zero. */
public record CreditBalance(long balance, long charged, long granted) {
}
