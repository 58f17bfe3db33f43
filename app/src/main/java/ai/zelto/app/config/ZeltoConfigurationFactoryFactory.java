package ai.zelto.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationFactoryFactory;
import io.dropwizard.configuration.YamlConfigurationFactory;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Map;

/** Reads the YAML file (or nothing: built-in defaults), then lets the environment override it. */
public final class ZeltoConfigurationFactoryFactory implements ConfigurationFactoryFactory<ZeltoConfiguration> {
    private final EnvironmentOverrides overrides;

    public ZeltoConfigurationFactoryFactory(Map<String, String> environment) {
        this.overrides = new EnvironmentOverrides(environment);
    }

    @Override
    public ConfigurationFactory<ZeltoConfiguration> create(Class<ZeltoConfiguration> klass, Validator validator,
                                                           ObjectMapper objectMapper, String propertyPrefix) {
        return new YamlConfigurationFactory<>(klass, validator, objectMapper, propertyPrefix) {
            @Override
            protected ZeltoConfiguration build(JsonNode node, String path) throws IOException, ConfigurationException {
                ObjectNode root = node instanceof ObjectNode object ? object : EnvironmentOverrides.emptyTree();
                overrides.apply(root);
                return super.build(root, path);
            }
        };
    }
}
