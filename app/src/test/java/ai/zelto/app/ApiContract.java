package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.adapters.http.openapi.OpenApiResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every answer the suite receives from an endpoint the OpenAPI document describes must be one it documents: the
 * status is among the operation's responses, the content type is one it lists, and a JSON body is valid against
 * the schema given for it — checked by networknt's JSON Schema validator with the OpenAPI 3.1 dialect, on the
 * document exactly as the jar serves it. {@link ResponseHygiene#check} runs every response of {@link TestServer}
 * and {@link ZeltoProcess} through here, so each integration test also proves the document true. Paths the
 * document does not describe (the console, {@code /mcp}) are left alone; the route-coverage test keeps the two
 * sets apart.
 */
final class ApiContract {
    private static final String LOCATION = "classpath:" + OpenApiResource.DOCUMENT.substring(1);
    private static final JsonNode DOCUMENT = read();
    private static final List<Route> ROUTES = routes();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getOpenApi31());
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    /** type/subtype, then parameters: RFC 9110's media-type, tokens only. */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[!#$%&'*+.^_`|~\\w-]+/[!#$%&'*+.^_`|~\\w-]+\\s*(;\\s*[!#$%&'*+.^_`|~\\w-]+=(\"[^\"]*\"|[^;\\s]*)\\s*)*");

    private record Route(String template, Pattern pattern) {
    }

    private ApiContract() {
    }

    static JsonNode document() {
        return DOCUMENT;
    }

    static <T> void check(HttpResponse<T> response) {
        String path = response.uri().getPath();
        Optional<Route> route = ROUTES.stream().filter(candidate -> candidate.pattern().matcher(path).matches())
                .findFirst();
        if (route.isEmpty()) {
            return;
        }
        if (response.request().method().equals("OPTIONS")) {
            return; // Jersey answers OPTIONS on every resource with its Allow header: HTTP's, not an operation
        }
        if (malformed(response.request())) {
            // Refused before any operation, as the document's introduction says; ResponseHygiene checks the body.
            assertThat(response.statusCode()).as("%s %s: a malformed request", response.request().method(), path)
                    .isEqualTo(400);
            return;
        }
        // HEAD is answered as GET without a body, as HTTP has it; the document lists GET.
        String method = response.request().method().equals("HEAD") ? "get"
                : response.request().method().toLowerCase(Locale.ROOT);
        String where = response.request().method() + " " + path + " → " + response.statusCode();
        JsonNode operation = DOCUMENT.get("paths").get(route.get().template()).get(method);
        if (operation == null) {
            assertThat(response.statusCode()).as("%s: the document has no %s on %s", where, method,
                    route.get().template()).isIn(404, 405);
            return;
        }
        String pointer = "/paths/" + escape(route.get().template()) + "/" + method + "/responses/"
                + response.statusCode();
        JsonNode answer = DOCUMENT.at(pointer);
        assertThat(answer.isMissingNode()).as("%s: the document lists no %d for this operation (it lists %s)", where,
                response.statusCode(), names(operation.get("responses"))).isFalse();
        if (answer.has("$ref")) {
            pointer = answer.get("$ref").asText().substring(1);
            answer = DOCUMENT.at(pointer);
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip()
                .toLowerCase(Locale.ROOT);
        JsonNode content = answer.get("content");
        if (content == null) {
            assertThat(type.isEmpty() || bodyOf(response).isEmpty()).as("%s: documented without a body, but it has"
                    + " one of %s", where, type).isTrue();
            return;
        }
        String media = mediaType(content, type);
        assertThat(media).as("%s: %s is not among the documented %s", where, type, names(content)).isNotNull();
        if (!media.equals("application/json") || response.request().method().equals("HEAD")) {
            return;
        }
        String schemaPointer = pointer + "/content/" + escape(media) + "/schema";
        Schema schema = SCHEMAS.computeIfAbsent(schemaPointer,
                key -> REGISTRY.getSchema(SchemaLocation.of(LOCATION + "#" + key)));
        List<Error> errors = schema.validate(bodyOf(response), InputFormat.JSON);
        assertThat(errors).as("%s: the body does not match its documented schema (%s): %s", where, schemaPointer,
                bodyOf(response)).isEmpty();
    }

    /**
     * A request HTTP itself cannot read, which the server refuses with 400 whatever the path: a {@code Content-Type}
     * that is not a media type, or a path with an encoded NUL, slash or backslash.
     */
    private static boolean malformed(java.net.http.HttpRequest request) {
        // The raw path, and the path once decoded: an encoded percent sign that decodes to one of those is too.
        for (String path : List.of(request.uri().getRawPath(), request.uri().getPath())) {
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.contains("%00") || lower.contains("%2f") || lower.contains("%5c")) {
                return true;
            }
        }
        return request.headers().firstValue("Content-Type").map(type -> !MEDIA_TYPE.matcher(type).matches())
                .orElse(false);
    }

    private static String mediaType(JsonNode content, String type) {
        for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals(type) || name.endsWith("/*") && type.startsWith(name.substring(0, name.length() - 1))) {
                return name;
            }
        }
        return null;
    }

    private static String bodyOf(HttpResponse<?> response) {
        Object body = response.body();
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode read() {
        try {
            return new YAMLMapper().readTree(OpenApiResource.read());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Literal paths before templated ones, so that {@code /v1/conversations/audio} is not taken for an id. */
    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        DOCUMENT.get("paths").fieldNames().forEachRemaining(template -> routes.add(new Route(template,
                Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")))));
        routes.sort((a, b) -> Long.compare(a.template().chars().filter(c -> c == '{').count(),
                b.template().chars().filter(c -> c == '{').count()));
        return List.copyOf(routes);
    }
}
