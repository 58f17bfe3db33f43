package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentOverridesTest {
    @TempDir
    Path dir;

    private ZeltoConfiguration load(Map<String, String> environment, String yaml) throws Exception {
        var factory = new ZeltoConfigurationFactoryFactory(environment).create(ZeltoConfiguration.class,
                Validation.buildDefaultValidatorFactory().getValidator(), Jackson.newObjectMapper(), "dw");
        if (yaml == null) {
            return factory.build();
        }
        Path file = dir.resolve("zelto.yml");
        Files.writeString(file, yaml);
        return factory.build(new FileConfigurationSourceProvider(), file.toString());
    }

    private static int port(ZeltoConfiguration config, boolean admin) {
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        return ((HttpConnectorFactory) (admin ? server.getAdminConnectors() : server.getApplicationConnectors())
                .get(0)).getPort();
    }

    @Test
    void withNothingGiven_theBuiltInDefaultsApply() throws Exception {
        ZeltoConfiguration config = load(Map.of(), null);

        assertThat(port(config, false)).isEqualTo(8080);
        assertThat(port(config, true)).isEqualTo(8081);
        assertThat(config.getDataDir()).isEqualTo("./zelto-data");
        assertThat(config.getDatabase().getUrl()).isNull();
        assertThat(config.getMaxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(config.getInitialCredits()).isEqualTo(1000);
        assertThat(config.getCreditsPerStartedMinute()).isEqualTo(1);
    }

    @Test
    void environmentVariables_winOverTheYamlFile() throws Exception {
        String yaml = """
                dataDir: /from/yaml
                initialCredits: 5
                database:
                  url: jdbc:postgresql://yaml-host/zelto
                  user: yaml-user
                server:
                  applicationConnectors:
                    - type: http
                      port: 9000
                """;
        ZeltoConfiguration config = load(Map.of("ZELTO_PORT", "9100", "ZELTO_DATABASE_URL",
                "jdbc:postgresql://env-host/zelto", "ZELTO_INITIAL_CREDITS", "42"), yaml);

        assertThat(port(config, false)).isEqualTo(9100);
        assertThat(config.getDatabase().getUrl()).isEqualTo("jdbc:postgresql://env-host/zelto");
        assertThat(config.getDatabase().getUser()).isEqualTo("yaml-user");
        assertThat(config.getDataDir()).isEqualTo("/from/yaml");
        assertThat(config.getInitialCredits()).isEqualTo(42);
    }
}
