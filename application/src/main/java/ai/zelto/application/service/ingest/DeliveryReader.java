package ai.zelto.application.service.ingest;

import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.application.spi.provider.Translation;
import ai.zelto.domain.conversation.CallIngest;
import java.util.Map;

/**
 * The one place a delivery's bytes become a call: its provider's plugin translates them, then {@link CallMapper}
 * checks what the plugin made of them. The webhook, the audio upload and the worker all read deliveries here, so
 * they cannot decide differently on the same bytes.
 */
final class DeliveryReader {
    private DeliveryReader() {
    }

    /** What a delivery says. */
    sealed interface Read {
        /** A finished call, ready to merge into its conversation. */
        record Call(CallIngest call) implements Read {
        }

        /** Not a finished call (a status update, an event the plugin ignores): acknowledged, recorded as dropped. */
        record Drop(String reason) implements Read {
        }

        /** Refused by the plugin: unreadable, invalid or not proven to come from the provider. */
        record Refuse(Translation.Rejected rejection) implements Read {
        }

        /** Translated, but the call breaks a rule the plugin let through (keyed by canonical JSON path). */
        record Invalid(Map<String, String> details) implements Read {
            /** As a refusal of the delivery, the way a plugin would have refused it. */
            Translation.Rejected asRejection() {
                return Translation.Rejected.invalid(details);
            }
        }
    }

    static Read read(DeliveryTranslator translator, RawDelivery raw, DeliveryContext context) {
        Translation translation = translate(translator, raw, context);
        if (translation instanceof Translation.Rejected rejected) {
            return new Read.Refuse(rejected);
        }
        if (translation instanceof Translation.Dropped dropped) {
            return new Read.Drop(dropped.reason());
        }
        if (translation instanceof Translation.Accepted accepted) {
            CallMapper.Result mapped = CallMapper.map(accepted.call());
            if (mapped instanceof CallMapper.Result.Invalid invalid) {
                return new Read.Invalid(invalid.details());
            }
            if (mapped instanceof CallMapper.Result.Mapped call) {
                return new Read.Call(call.call());
            }
            throw unexpected(mapped);
        }
        throw unexpected(translation);
    }

    /** A plugin that throws broke its contract: the delivery is refused rather than answered with a 500. */
    private static Translation translate(DeliveryTranslator translator, RawDelivery raw, DeliveryContext context) {
        try {
            return translator.translate(raw, context);
        } catch (RuntimeException pluginBug) {
            return Translation.Rejected.invalid(Map.of("body", "the provider plugin could not read this delivery"));
        }
    }

    /** A variant this code does not know: a bug here, named as one rather than a {@code ClassCastException}. */
    static IllegalStateException unexpected(Object variant) {
        return new IllegalStateException("an outcome the ingest path does not handle: " + variant);
    }
}
