package ai.zelto.architecture;

import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.application.spi.provider.ProviderPlugin;
import java.util.Map;

/**
 * Classes that break one rule each, imported on their own by the canary tests: a rule that no longer notices its
 * violation fails its canary. They live in the test sources, which the rules' own import leaves out.
 */
final class Canaries {
    private Canaries() {
    }

    /** A plugin ServiceLoader could not make. */
    public static final class PluginNeedingAnArgument implements ProviderPlugin {
        private final String id;

        public PluginNeedingAnArgument(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public DeliveryTranslator createTranslator(Map<String, String> configuration) {
            throw new UnsupportedOperationException("never made");
        }
    }
}
