package ai.zelto.domain.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input that breaks a rule, with one message per offending field, keyed by the field's path. */
public final class ValidationException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> details;

    public ValidationException(Map<String, String> details) {
        super("Validation failed");
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static ValidationException of(String path, String message) {
        return new ValidationException(Map.of(path, message));
    }

    public Map<String, String> details() {
        return details;
    }

    @Override
    public String code() {
        return "validation_failed";
    }

    @Override
    public Category category() {
        return Category.INVALID;
    }
}
