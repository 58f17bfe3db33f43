package ai.zelto.adapters.http.integration;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.Json;
import ai.zelto.adapters.http.common.QueryParams;
import ai.zelto.application.port.in.integration.ConfigureIntegrationUseCase;
import ai.zelto.application.port.in.integration.CreateHookUseCase;
import ai.zelto.application.port.in.integration.ListIntegrationsUseCase;
import ai.zelto.application.readmodel.IntegrationStatus;
import ai.zelto.domain.shared.ValidationException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/integrations}: per-provider status, settings (secrets never returned, only a hint) and the
 * organization's header-free hook URL.
 */
@Path("/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
public final class IntegrationsResource {
    private final ListIntegrationsUseCase list;
    private final ConfigureIntegrationUseCase configure;
    private final CreateHookUseCase hooks;

    public IntegrationsResource(ListIntegrationsUseCase list, ConfigureIntegrationUseCase configure,
                                CreateHookUseCase hooks) {
        this.list = list;
        this.configure = configure;
        this.hooks = hooks;
    }

    /** @param hookDetails what else the provider's side needs with the hook URL (WhatsApp's verifyToken) */
    public record IntegrationResponse(String provider, boolean active, String lastCallAt, long calls,
                                      Map<String, Setting> settings, String hookUrl,
                                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> hookDetails) {
        static IntegrationResponse from(IntegrationStatus status) {
            Map<String, Setting> settings = new LinkedHashMap<>();
            status.settings().forEach((name, setting) -> settings.put(name,
                    new Setting(setting.configured(), setting.hint())));
            return new IntegrationResponse(status.provider(), status.active(), Json.time(status.lastCallAt()),
                    status.calls(), settings, status.hookUrl(), status.hookDetails());
        }
    }

    /** @param hint for a secret its last characters, such as {@code …f3a9}; never the secret */
    public record Setting(boolean configured, String hint) {
    }

    @GET
    public Map<String, List<IntegrationResponse>> list(@Auth ApiKeyPrincipal caller, @Context UriInfo uri) {
        QueryParams.only(uri.getQueryParameters());
        return Map.of("data", list.listIntegrations(caller.organizationId()).stream()
                .map(IntegrationResponse::from).toList());
    }

    /** Sets settings: {@code {"serverSecret": "..."}}; a {@code null} value removes that setting. */
    @PUT
    @Path("/{provider}")
    @Consumes(MediaType.WILDCARD)
    public IntegrationResponse configure(@Auth ApiKeyPrincipal caller, @PathParam("provider") String provider,
                                         JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ValidationException.of("$", "must be a JSON object of setting names to strings (or null)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                settings.put(field.getKey(), null);
            } else if (value.isTextual()) {
                settings.put(field.getKey(), value.textValue());
            } else {
                errors.put(field.getKey(), "must be a string, or null to remove the setting");
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return IntegrationResponse.from(configure.configure(caller.organizationId(), provider, settings,
                caller.actor()));
    }

    /**
     * Creates or rotates the hook URL: the previous one stops working at once. Answers {@code {"url"}} and what
     * else the provider's side needs with it, such as WhatsApp's {@code verifyToken}.
     */
    @POST
    @Path("/{provider}/hook")
    public Map<String, String> hook(@Auth ApiKeyPrincipal caller, @PathParam("provider") String provider) {
        CreateHookUseCase.CreatedHook created = hooks.createHook(caller.organizationId(), provider, caller.actor());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("url", created.url());
        answer.putAll(created.details());
        return answer;
    }
}
