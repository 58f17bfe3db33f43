package ai.zelto.adapters.http.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's OpenAPI 3.1 document, {@code /openapi.yaml} as written and {@code /openapi.json} read from it; public,
 * like any API reference. The document is written by hand (spec-first): Java's generators are unreliable for 3.1
 * (see the README), and the tests hold it to the server instead — every route in it and nothing else, every
 * response the integration suite receives valid against it, the document valid OpenAPI 3.1.
 */
@Path("/")
public final class OpenApiResource {
    /** Where the document lives on the classpath. */
    public static final String DOCUMENT = "/ai/zelto/adapters/http/openapi/openapi.yaml";

    private final String yaml;
    private final byte[] json;

    public OpenApiResource(ObjectMapper mapper) {
        this.yaml = read();
        try {
            JsonNode document = new YAMLMapper().readTree(yaml);
            this.json = mapper.writeValueAsBytes(document);
        } catch (IOException wrong) {
            throw new IllegalStateException("the OpenAPI document is not YAML", wrong);
        }
    }

    /** The document as written. */
    public static String read() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + DOCUMENT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("openapi.json")
    @Produces("application/json")
    public Response json() {
        return Response.ok(json).header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    public Response yaml() {
        return Response.ok(yaml).type("application/yaml; charset=utf-8").header("Cache-Control", "no-cache").build();
    }
}
