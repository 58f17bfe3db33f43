package ai.zelto.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentOverridesTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @TempDir
    Path dir;

    private ZeltoConfiguration load(Map<String, String> environment, String yaml) throws Exception {
        var factory = new ZeltoConfigurationFactoryFactory(environment).create(ZeltoConfiguration.class, VALIDATOR,
                Jackson.newObjectMapper(), "dw");
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
        assertThat(config.dataDirectory()).isEqualTo(Path.of("./zelto-data"));
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
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/from/yaml"));
        assertThat(config.getInitialCredits()).isEqualTo(42);
    }

    @Test
    void everySettingGroup_isReachableByEnvironment_includingTheOnesThatOnceWereNot() throws Exception {
        ZeltoConfiguration config = load(Map.of("ZELTO_WORKER_MAX_BACKLOG_AGE_SECONDS", "7",
                "ZELTO_RECORDING_JOB_THREADS", "5", "ZELTO_WORKER_BATCH_SIZE", "3", "ZELTO_S3_PATH_STYLE", "false",
                "ZELTO_DATABASE_MAX_CONNECTIONS", "9"), null);

        assertThat(config.getWorker().getMaxBacklogAgeSeconds()).isEqualTo(7);
        assertThat(config.getRecordings().getJobThreads()).isEqualTo(5);
        assertThat(config.getWorker().getBatchSize()).isEqualTo(3);
        assertThat(config.getDatabase().getMaxConnections()).isEqualTo(9);
    }

    /**
     * Each field of the configuration declares its variable ({@link Env}); the README's configuration table names
     * every variable, and nothing else. Adding a setting without either fails here.
     */
    @Test
    void everySetting_hasAVariable_andEveryVariable_aReadmeRow() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("## Configuration");
        String table = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Set<String> documented = new TreeSet<>();
        Matcher variable = Pattern.compile("`(ZELTO_[A-Z0-9_]+)`").matcher(table.lines()
                .filter(line -> line.startsWith("| `ZELTO_")).map(line -> line.substring(0, line.indexOf(" |", 2)))
                .reduce("", String::concat));
        while (variable.find()) {
            documented.add(variable.group(1));
        }

        assertThat(EnvironmentOverrides.variables()).isNotEmpty().isEqualTo(documented);
    }

    @Test
    void aSettingWithoutAVariable_isRefused() {
        assertThatThrownBy(() -> EnvironmentOverrides.declaredOn(Undeclared.class))
                .hasMessageContaining("the setting forgotten (Undeclared.forgotten) has no @Env variable");
    }

    @Test
    void aVariableDeclaredTwice_isRefused() {
        assertThatThrownBy(() -> EnvironmentOverrides.declaredOn(Twice.class))
                .hasMessage("ZELTO_TEST_TWICE is declared twice");
    }

    static class Twice {
        @JsonProperty
        @Env("ZELTO_TEST_TWICE")
        private String one;

        @JsonProperty
        @Env("ZELTO_TEST_TWICE")
        private String other;
    }

    static class Undeclared {
        @JsonProperty
        @Env("ZELTO_TEST_DECLARED")
        private String declared;

        @JsonProperty
        private String forgotten;
    }
}
