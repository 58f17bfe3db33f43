package ai.zelto.application.spi.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a {@link DeliveryTranslator} made of a delivery. */
public sealed interface Translation {

    /** A finished call, to be merged into its conversation. */
    record Accepted(CanonicalCall call) implements Translation {
        public Accepted {
            Objects.requireNonNull(call, "call");
        }
    }

    /**
     * A well-formed delivery that is not a finished call (a status update, a transcript fragment, an event type
     * added after the plugin was written). It is acknowledged and recorded as dropped with this reason.
     */
    record Dropped(String reason) implements Translation {
        public Dropped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A delivery Zelto must refuse: it is answered with a 4xx and not stored. */
    record Rejected(Kind kind, Map<String, String> details) implements Translation {
        public Rejected {
            Objects.requireNonNull(kind, "kind");
            details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }

        /** The body is not the syntax the provider sends (for JSON providers: it does not parse). */
        public static Rejected malformed() {
            return new Rejected(Kind.MALFORMED, Map.of());
        }

        /**
         * Fields are missing or of the wrong type.
         *
         * @param details one message per offending field, keyed by its JSON path, e.g. {@code call.externalId}
         *                or {@code transcript.turns[3].role}
         */
        public static Rejected invalid(Map<String, String> details) {
            return new Rejected(Kind.VALIDATION, details);
        }

        /**
         * The body is within the byte limit but holds more than Zelto can take in one delivery (see
         * {@link JsonLimits}).
         */
        public static Rejected tooLarge(String reason) {
            return new Rejected(Kind.TOO_LARGE, Map.of("body", reason));
        }

        /** The delivery does not prove it comes from the provider (a signature or secret does not match). */
        public static Rejected unauthenticated(String reason) {
            return new Rejected(Kind.AUTHENTICATION, Map.of("reason", reason));
        }
    }

    /** Why a delivery was rejected; decides the HTTP answer. */
    enum Kind {
        /** 400 {@code Invalid JSON}. */
        MALFORMED,
        /** 400 {@code Validation failed} with the details. */
        VALIDATION,
        /** 401 {@code Unauthorized}. */
        AUTHENTICATION,
        /** 413 {@code Payload too large} with the details. */
        TOO_LARGE
    }
}
