package ai.zelto.app.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.jackson.Jackson;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Map;

/** Configurations for tests, made the way the server makes its own: defaults, then environment variables. */
public final class Configurations {
    /** Made once: building a validator costs about half a second, and property tests make many configurations. */
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final ObjectMapper MAPPER = Jackson.newObjectMapper();

    private Configurations() {
    }

    public static ZeltoConfiguration of(Map<String, String> environment) {
        try {
            return new ZeltoConfigurationFactoryFactory(environment).create(ZeltoConfiguration.class, VALIDATOR,
                    MAPPER, "dw").build();
        } catch (IOException | ConfigurationException e) {
            throw new IllegalArgumentException("not a valid configuration: " + environment, e);
        }
    }
}
