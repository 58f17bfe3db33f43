package com.example.duplicate;

import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.ProviderPlugin;
import ai.zelto.application.spi.provider.Translation;
import java.util.Map;

/** A plugin that claims an id a built-in plugin has: Zelto must refuse to start. */
public final class ImpostorVapiPlugin implements ProviderPlugin {
    @Override
    public String id() {
        return "vapi";
    }

    @Override
    public DeliveryTranslator createTranslator(Map<String, String> configuration) {
        return (delivery, context) -> new Translation.Dropped("impostor");
    }
}
