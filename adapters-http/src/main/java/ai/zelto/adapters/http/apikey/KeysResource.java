package ai.zelto.adapters.http.apikey;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.Json;
import ai.zelto.adapters.http.common.QueryParams;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.apikey.CreateApiKeyCommand;
import ai.zelto.application.port.in.apikey.CreateApiKeyUseCase;
import ai.zelto.application.port.in.apikey.CreatedApiKey;
import ai.zelto.application.port.in.apikey.ManageApiKeysUseCase;
import ai.zelto.domain.apikey.ApiKey;
import ai.zelto.domain.apikey.ApiKeyId;
import ai.zelto.domain.shared.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/keys}: the organization's API keys. A new key's secret is in the creation answer only; lists show
 * the prefix. {@code DELETE} revokes: the key fails its very next request.
 */
@Path("/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
public final class KeysResource {
    private final CreateApiKeyUseCase create;
    private final ManageApiKeysUseCase manage;

    public KeysResource(CreateApiKeyUseCase create, ManageApiKeysUseCase manage) {
        this.create = create;
        this.manage = manage;
    }

    public record KeyResponse(String id, String name, String prefix, String createdAt, String lastUsedAt,
                              String revokedAt) {
        static KeyResponse from(ApiKey key) {
            return new KeyResponse(key.id().toString(), key.name(), key.displayPrefix(), Json.time(key.createdAt()),
                    Json.time(key.lastUsedAt()), Json.time(key.revokedAt()));
        }
    }

    /** @param key the secret, shown only in this answer */
    public record CreatedKeyResponse(String id, String name, String prefix, String createdAt, String key) {
    }

    @GET
    public Map<String, List<KeyResponse>> list(@Auth ApiKeyPrincipal caller, @Context UriInfo uri) {
        QueryParams.only(uri.getQueryParameters());
        return Map.of("data", manage.listKeys(caller.organizationId()).stream().map(KeyResponse::from).toList());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@Auth ApiKeyPrincipal caller, JsonNode body) {
        JsonNode name = body == null ? null : body.get("name");
        if (name == null || !name.isTextual()) {
            throw ValidationException.of("name", "is required: a name for the key");
        }
        CreatedApiKey created = create.create(new CreateApiKeyCommand(caller.organizationId(), name.textValue(),
                caller.actor()));
        ApiKey key = created.key();
        return Response.status(Response.Status.CREATED).entity(new CreatedKeyResponse(key.id().toString(), key.name(),
                key.displayPrefix(), Json.time(key.createdAt()), created.secret().value())).build();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@Auth ApiKeyPrincipal caller, @PathParam("id") String id) {
        boolean revoked = ApiKeyId.tryParse(id)
                .map(keyId -> manage.revokeKey(caller.organizationId(), keyId, caller.actor()))
                .orElse(false);
        return revoked ? Response.noContent().build() : ApiErrors.notFound();
    }
}
