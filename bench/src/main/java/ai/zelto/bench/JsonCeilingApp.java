package ai.zelto.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Ceiling (b): the fastest Dropwizard can take an upload on this machine. The same HTTP stack as Zelto (Jetty,
 * Jersey, Jackson) reads the body, parses it, checks there is a key, and answers {@code {"received": true}},
 * storing nothing. Run as {@code java -cp zelto-bench.jar ai.zelto.bench.JsonCeilingApp server config.yml}.
 */
public final class JsonCeilingApp extends Application<Configuration> {
    public static void main(String[] args) throws Exception {
        new JsonCeilingApp().run(args);
    }

    @Override
    public void run(Configuration configuration, Environment environment) {
        environment.jersey().register(new Upload(environment.getObjectMapper()));
    }

    @Path("/webhooks/calls")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Upload {
        private static final Map<String, Boolean> RECEIVED = Map.of("received", true);
        private final ObjectMapper json;

        Upload(ObjectMapper json) {
            this.json = json;
        }

        @POST
        @Consumes(MediaType.WILDCARD)
        public Response upload(@HeaderParam("Authorization") String key, InputStream body) throws IOException {
            if (key == null) {
                return Response.status(401).build();
            }
            JsonNode call = json.readTree(body.readAllBytes());
            if (call == null || !call.path("call").path("externalId").isTextual()) {
                return Response.status(400).build();
            }
            return Response.ok(RECEIVED).build();
        }
    }
}
