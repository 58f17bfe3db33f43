package com.example.acme;

import ai.zelto.application.spi.provider.CanonicalCall;
import ai.zelto.application.spi.provider.CanonicalTurn;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.ProviderPlugin;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.application.spi.provider.Translation;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A third-party plugin, built outside Zelto against the SPI only: Acme posts flat JSON objects of strings,
 * {"acmeId": "...", "bot": "...", "said": "...", "event": "finished"}.
 */
public final class AcmeProviderPlugin implements ProviderPlugin {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");

    @Override
    public String id() {
        return "acme";
    }

    @Override
    public DeliveryTranslator createTranslator(Map<String, String> configuration) {
        return AcmeProviderPlugin::translate;
    }

    private static Translation translate(RawDelivery delivery, DeliveryContext context) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = FIELD.matcher(new String(delivery.body(), StandardCharsets.UTF_8));
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        if (!"finished".equals(fields.get("event"))) {
            return new Translation.Dropped("only finished Acme calls are calls");
        }
        if (fields.get("acmeId") == null || fields.get("bot") == null) {
            return Translation.Rejected.invalid(Map.of("acmeId", "is required"));
        }
        return new Translation.Accepted(CanonicalCall.builder(fields.get("acmeId"))
                .agentExternalId(fields.get("bot"))
                .agentName("Acme " + fields.get("bot"))
                .turns(List.of(new CanonicalTurn(CanonicalTurn.Speaker.ASSISTANT, fields.get("said"), null, null)))
                .build());
    }
}
