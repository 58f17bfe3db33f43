package ai.zelto.domain.shared;

/**
 * A business refusal. Each subclass has a stable {@link #code()} and a {@link #category()}, which adapters turn
 * into the contract's error body and status; the message is safe to show to the caller.
 */
public abstract class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of refusal it is: adapters decide their answer on this, never on the code. */
    public enum Category {
        /** The input breaks a rule (HTTP 400). */
        INVALID,
        /** Something the input names does not exist for the caller (HTTP 404). */
        NOT_FOUND,
        /** The organization has not the credits the request needs (HTTP 402). */
        PAYMENT_REQUIRED,
        /** The request contradicts the current state (HTTP 409). */
        CONFLICT,
        /** The caller is known but their role does not allow this (HTTP 403). */
        FORBIDDEN,
        /** The organization is at a limit of things open at once; retry when one ended (HTTP 429). */
        LIMIT_REACHED,
        /** A service Zelto depends on failed or did not answer; nothing was kept (HTTP 500, as the product says). */
        DEPENDENCY_FAILED
    }

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    /** A stable, machine-readable name of the refusal, such as {@code agent_not_found}. */
    public abstract String code();

    public abstract Category category();
}
