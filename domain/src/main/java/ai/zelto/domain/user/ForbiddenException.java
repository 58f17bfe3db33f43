package ai.zelto.domain.user;

import ai.zelto.domain.shared.DomainException;

/** The person is known, but their role does not allow what they asked. */
public final class ForbiddenException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "forbidden";
    }

    @Override
    public Category category() {
        return Category.FORBIDDEN;
    }
}
