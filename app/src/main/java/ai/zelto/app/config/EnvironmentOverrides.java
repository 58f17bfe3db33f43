package ai.zelto.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies Zelto's environment variables on top of the configuration tree (built-in defaults, or the YAML file
 * given on the command line): an environment variable always wins. The variables are those declared with
 * {@link Env} beside the fields of {@link ZeltoConfiguration} and its groups, plus the two ports. Also fills in
 * the logging defaults an operator would expect when the file says nothing about logging.
 */
public final class EnvironmentOverrides {
    /** The ports live in Dropwizard's own server section, which has no field of ours to declare them on. */
    public static final String PORT = "ZELTO_PORT";
    public static final String ADMIN_PORT = "ZELTO_ADMIN_PORT";
    /** Variable → path in the configuration tree, found from the {@link Env} annotations. */
    static final Map<String, String> VARIABLES = declaredOn(ZeltoConfiguration.class);

    private final Map<String, String> environment;

    public EnvironmentOverrides(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Every variable Zelto reads, the ports included. */
    public static Set<String> variables() {
        Set<String> all = new TreeSet<>(VARIABLES.keySet());
        all.add(PORT);
        all.add(ADMIN_PORT);
        return all;
    }

    /** Variable → path of every setting of a settings class and its groups. */
    static Map<String, String> declaredOn(Class<?> settings) {
        return declared(settings, "");
    }

    /**
     * The variables declared on a settings class's fields that YAML can set ({@code @JsonProperty}), and those of its
     * groups (fields whose type is a settings class of this package). A setting with no variable is an error: operators configure Zelto by
     * environment, so every setting must be reachable that way.
     */
    private static Map<String, String> declared(Class<?> settings, String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Field field : settings.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || !field.isAnnotationPresent(JsonProperty.class)) {
                continue;
            }
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            String name = property.value().isEmpty() ? field.getName() : property.value();
            Env env = field.getAnnotation(Env.class);
            Map<String, String> here;
            if (env != null) {
                here = Map.of(env.value(), prefix + name);
            } else if (field.getType().getPackage() == EnvironmentOverrides.class.getPackage()) {
                here = declared(field.getType(), prefix + name + ".");
            } else {
                throw new IllegalStateException("the setting " + prefix + name + " (" + settings.getSimpleName()
                        + "." + field.getName() + ") has no @Env variable");
            }
            here.forEach((variable, path) -> {
                if (found.put(variable, path) != null) {
                    throw new IllegalStateException(variable + " is declared twice");
                }
            });
        }
        return found;
    }

    void apply(ObjectNode root) {
        VARIABLES.forEach((variable, path) -> {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                set(root, path, value);
            }
        });
        setPort(root, "applicationConnectors", environment.get(PORT), 8080);
        setPort(root, "adminConnectors", environment.get(ADMIN_PORT), 8081);
        if (!root.has("logging")) {
            ObjectNode logging = root.putObject("logging");
            logging.put("level", "INFO");
            ObjectNode loggers = logging.putObject("loggers");
            loggers.put("liquibase", "WARN");
            loggers.put("io.zonky", "WARN");
            loggers.put("org.eclipse.jetty", "WARN");
        }
    }

    private static void set(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }

    /** Sets the port of the first connector of the list, creating an http connector when there is none. */
    private static void setPort(ObjectNode root, String connectors, String value, int defaultPort) {
        ObjectNode server = root.get("server") instanceof ObjectNode s ? s : root.putObject("server");
        JsonNode list = server.get(connectors);
        if (list == null || !list.isArray() || list.isEmpty()) {
            ArrayNode created = server.putArray(connectors);
            ObjectNode connector = created.addObject();
            connector.put("type", "http");
            connector.put("port", defaultPort);
            list = created;
        }
        if (value != null && !value.isEmpty()) {
            ((ObjectNode) list.get(0)).put("port", value);
        }
    }

    static ObjectNode emptyTree() {
        return JsonNodeFactory.instance.objectNode();
    }
}
