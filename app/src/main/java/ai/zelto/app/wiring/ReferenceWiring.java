package ai.zelto.app.wiring;

import ai.zelto.adapters.http.openapi.OpenApiResource;
import io.dropwizard.core.setup.Environment;

/**
 * The API's OpenAPI document at {@code /openapi.json} and {@code /openapi.yaml}, which the console's
 * {@code /reference} page renders.
 */
public final class ReferenceWiring implements Feature {
    ReferenceWiring() {
    }

    @Override
    public void serve(Environment environment) {
        environment.jersey().register(new OpenApiResource(environment.getObjectMapper()));
    }
}
