package ai.zelto.app.config;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.jackson.Jackson;
import jakarta.validation.Validation;
import java.io.IOException;
import java.util.Map;

/** Configurations for tests, made the way the server makes its own: defaults, then environment variables. */
public final class Configurations {
    private Configurations() {
    }

    public static ZeltoConfiguration of(Map<String, String> environment) {
        try {
            return new ZeltoConfigurationFactoryFactory(environment).create(ZeltoConfiguration.class,
                    Validation.buildDefaultValidatorFactory().getValidator(), Jackson.newObjectMapper(), "dw").build();
        } catch (IOException | ConfigurationException e) {
            throw new IllegalArgumentException("not a valid configuration: " + environment, e);
        }
    }
}
