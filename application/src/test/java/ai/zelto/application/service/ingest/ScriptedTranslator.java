package ai.zelto.application.service.ingest;

import ai.zelto.application.spi.provider.CanonicalCall;
import ai.zelto.application.spi.provider.CanonicalTurn;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.application.spi.provider.Translation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider plugin's translator for unit tests: a delivery's body names the translation the test scripted for
 * it. A body nobody scripted makes it throw, as a plugin with a bug would.
 */
final class ScriptedTranslator implements DeliveryTranslator {
    private final Map<String, Translation> scripted = new HashMap<>();
    private int translations;

    /** A delivery whose translation is this. */
    RawDelivery delivery(String name, Translation translation) {
        scripted.put(name, translation);
        return new RawDelivery(name.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A finished call of an agent known by its external id, with one user turn and this duration. */
    static Translation call(String externalId, long durationSeconds, String said) {
        return new Translation.Accepted(CanonicalCall.builder(externalId).agentExternalId("support-bot")
                .agentName("Support bot").durationSeconds(BigDecimal.valueOf(durationSeconds))
                .turns(List.of(new CanonicalTurn(CanonicalTurn.Speaker.USER, said, null, null))).build());
    }

    int translations() {
        return translations;
    }

    @Override
    public Translation translate(RawDelivery delivery, DeliveryContext context) {
        translations++;
        Translation translation = scripted.get(new String(delivery.body(), StandardCharsets.UTF_8));
        if (translation == null) {
            throw new IllegalStateException("nothing scripted for this body");
        }
        return translation;
    }
}
