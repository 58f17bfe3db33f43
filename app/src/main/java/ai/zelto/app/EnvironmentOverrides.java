package ai.zelto.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies Zelto's environment variables on top of the configuration tree (built-in defaults, or the YAML file
 * given on the command line): an environment variable always wins. Also fills in the logging defaults an
 * operator would expect when the file says nothing about logging.
 */
final class EnvironmentOverrides {
    /** Variable → path in the configuration tree. */
    static final Map<String, String> VARIABLES = new LinkedHashMap<>();

    static {
        VARIABLES.put("ZELTO_DATA_DIR", "dataDir");
        VARIABLES.put("ZELTO_DATABASE_URL", "database.url");
        VARIABLES.put("ZELTO_DATABASE_USER", "database.user");
        VARIABLES.put("ZELTO_DATABASE_PASSWORD", "database.password");
        VARIABLES.put("ZELTO_DATABASE_MAX_CONNECTIONS", "database.maxConnections");
        VARIABLES.put("ZELTO_BOOTSTRAP_API_KEY", "bootstrapApiKey");
        VARIABLES.put("ZELTO_MAX_BODY_BYTES", "maxBodyBytes");
        VARIABLES.put("ZELTO_BODY_READ_TIMEOUT_SECONDS", "bodyReadTimeoutSeconds");
        VARIABLES.put("ZELTO_INGEST_MEMORY_BYTES", "ingestMemoryBytes");
        VARIABLES.put("ZELTO_RATE_LIMIT_PER_SECOND", "rateLimitPerSecond");
        VARIABLES.put("ZELTO_RATE_LIMIT_BURST", "rateLimitBurst");
        VARIABLES.put("ZELTO_CREDITS_PER_MINUTE", "creditsPerStartedMinute");
        VARIABLES.put("ZELTO_INITIAL_CREDITS", "initialCredits");
        VARIABLES.put("ZELTO_WORKER_THREADS", "worker.threads");
        VARIABLES.put("ZELTO_WORKER_BATCH_SIZE", "worker.batchSize");
        VARIABLES.put("ZELTO_WORKER_BATCH_BYTES", "worker.batchBytes");
        VARIABLES.put("ZELTO_WORKER_BACKLOG_LIMIT", "worker.backlogLimit");
        VARIABLES.put("ZELTO_WORKER_IDLE_POLL_MILLIS", "worker.idlePollMillis");
        VARIABLES.put("ZELTO_SECRETS_KEY", "secretsKey");
        VARIABLES.put("ZELTO_PUBLIC_URL", "publicUrl");
        VARIABLES.put("ZELTO_PLUGIN_DIR", "pluginDir");
        VARIABLES.put("ZELTO_FETCH_ALLOWED_HOSTS", "recordings.fetchAllowedHosts");
        VARIABLES.put("ZELTO_FETCH_MAX_BYTES", "recordings.fetchMaxBytes");
        VARIABLES.put("ZELTO_FETCH_TIMEOUT_SECONDS", "recordings.fetchTimeoutSeconds");
        VARIABLES.put("ZELTO_RECORDING_MAX_ATTEMPTS", "recordings.maxAttempts");
        VARIABLES.put("ZELTO_RECORDING_RETRY_BASE_MILLIS", "recordings.retryBaseMillis");
        VARIABLES.put("ZELTO_BLOB_STORE", "storage.type");
        VARIABLES.put("ZELTO_S3_ENDPOINT", "storage.s3Endpoint");
        VARIABLES.put("ZELTO_S3_REGION", "storage.s3Region");
        VARIABLES.put("ZELTO_S3_BUCKET", "storage.s3Bucket");
        VARIABLES.put("ZELTO_S3_ACCESS_KEY", "storage.s3AccessKey");
        VARIABLES.put("ZELTO_S3_SECRET_KEY", "storage.s3SecretKey");
        VARIABLES.put("ZELTO_S3_PATH_STYLE", "storage.s3PathStyle");
        VARIABLES.put("ZELTO_TRANSCRIBER", "transcriber.engine");
        VARIABLES.put("ZELTO_TRANSCRIBER_URL", "transcriber.url");
        VARIABLES.put("ZELTO_TRANSCRIBER_API_KEY", "transcriber.apiKey");
        VARIABLES.put("ZELTO_TRANSCRIBER_MODEL", "transcriber.model");
        VARIABLES.put("ZELTO_TRANSCRIBER_TIMEOUT_SECONDS", "transcriber.timeoutSeconds");
        VARIABLES.put("ZELTO_MAX_UPLOAD_BYTES", "transcriber.maxUploadBytes");
    }

    private final Map<String, String> environment;

    EnvironmentOverrides(Map<String, String> environment) {
        this.environment = environment;
    }

    void apply(ObjectNode root) {
        VARIABLES.forEach((variable, path) -> {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                set(root, path, value);
            }
        });
        setPort(root, "applicationConnectors", environment.get("ZELTO_PORT"), 8080);
        setPort(root, "adminConnectors", environment.get("ZELTO_ADMIN_PORT"), 8081);
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
