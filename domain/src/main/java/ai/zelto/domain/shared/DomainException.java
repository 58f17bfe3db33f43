package ai.zelto.domain.shared;

/**
 * A business refusal. Each subclass has a stable {@link #code()} that adapters turn into the contract's error body;
 * the message is safe to show to the caller.
 */
public abstract class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    /** A stable, machine-readable name of the refusal, such as {@code agent_not_found}. */
    public abstract String code();
}
