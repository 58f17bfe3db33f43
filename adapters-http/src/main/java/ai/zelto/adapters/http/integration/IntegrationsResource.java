package ai.zelto.adapters.http.integration;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.Json;
import ai.zelto.application.port.in.integration.IntegrationStatus;
import ai.zelto.application.port.in.integration.ListIntegrationsUseCase;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code /v1/integrations}: one entry per provider, active once the org has a call from it. */
@Path("/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
public final class IntegrationsResource {
    private final ListIntegrationsUseCase list;

    public IntegrationsResource(ListIntegrationsUseCase list) {
        this.list = list;
    }

    public record IntegrationResponse(String provider, boolean active, String lastCallAt, long calls) {
        static IntegrationResponse from(IntegrationStatus status) {
            return new IntegrationResponse(status.provider(), status.active(), Json.time(status.lastCallAt()),
                    status.calls());
        }
    }

    @GET
    public Map<String, List<IntegrationResponse>> list(@Auth ApiKeyPrincipal caller) {
        return Map.of("data", list.listIntegrations(caller.organizationId()).stream()
                .map(IntegrationResponse::from).toList());
    }
}
