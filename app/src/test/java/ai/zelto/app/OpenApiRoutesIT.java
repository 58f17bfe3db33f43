package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Path;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the server agree on the routes: every resource method the running server's API
 * exposes is in the document, and the document names nothing the server does not answer. The routes are read
 * from Jersey's own model of the registered resources (as Jersey itself builds it), not from a list kept by hand.
 * What each route answers is held to the document by {@link ApiContract}, through every test of the suite.
 */
class OpenApiRoutesIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteTheServerExposes_isDocumented_andTheDocumentNamesNoOther() {
        Set<String> served = servedRoutes();
        Set<String> documented = documentedRoutes(ApiContract.document());

        assertThat(served).as("routes the server exposes").hasSizeGreaterThan(30);
        assertThat(difference(served, documented)).as("served but not in the document").isEmpty();
        assertThat(difference(documented, served)).as("in the document but not served").isEmpty();
    }

    @Test
    void theDocument_isServedAsJsonAndYaml_withoutAKey_andTheJsonIsTheSameDocument() throws Exception {
        HttpResponse<String> json = server.send(HttpRequest.newBuilder(server.uri("/openapi.json")).GET().build());
        HttpResponse<String> yaml = server.send(HttpRequest.newBuilder(server.uri("/openapi.yaml")).GET().build());

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(TestServer.JSON.readTree(json.body())).isEqualTo(ApiContract.document());
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/yaml"));
        assertThat(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml.body()))
                .isEqualTo(ApiContract.document());
    }

    @Test
    void theDocumentNamesNoServer_soItDescribesAndThePlaygroundCallsTheOneServingIt() {
        // OpenAPI: without servers, the server is "/" of wherever the document was read from.
        assertThat(ApiContract.document().has("servers")).isFalse();
    }

    private static Set<String> servedRoutes() {
        Set<String> routes = new TreeSet<>();
        var config = server.apiResources();
        Stream.concat(config.getClasses().stream(), config.getInstances().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(Path.class))
                .distinct()
                .forEach(type -> collect(Resource.from(type), "", routes));
        return routes;
    }

    private static void collect(Resource resource, String parent, Set<String> routes) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(method.getHttpMethod() + " " + path);
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    /**
     * Joins Jersey's path templates; a parameter is compared by place, not by name or pattern ({@code {id: .+}} and
     * {@code {id}} are both {@code {}}), since its Java name is not part of the API.
     */
    private static String join(String parent, String path) {
        String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{[^}]*}", "{}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Set<String> documentedRoutes(JsonNode document) {
        Set<String> routes = new TreeSet<>();
        for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> keys = document.get("paths").get(path).fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key)) {
                    routes.add(key.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{[^}]*}", "{}"));
                }
            }
        }
        return routes;
    }

    private static Set<String> difference(Set<String> from, Set<String> without) {
        Set<String> left = new TreeSet<>(from);
        left.removeAll(without);
        return left;
    }
}
