package ai.zelto.adapters.web.settings;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.apikey.CreateApiKeyCommand;
import ai.zelto.application.port.in.apikey.CreateApiKeyUseCase;
import ai.zelto.application.port.in.apikey.CreatedApiKey;
import ai.zelto.application.port.in.apikey.ManageApiKeysUseCase;
import ai.zelto.domain.apikey.ApiKey;
import ai.zelto.domain.apikey.ApiKeyId;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /settings/keys}: the organization's API keys (name, prefix, created, last used), a new key shown once in
 * the answer to the form that made it (and never again: only its hash is kept), and revocation. Creating and
 * revoking are for owners and admins.
 */
@Path("/settings/keys")
@Produces(Page.HTML)
public final class KeysPageResource {
    private final CreateApiKeyUseCase create;
    private final ManageApiKeysUseCase manage;
    private final Layout layout;

    public record KeysView(Chrome chrome, List<Chrome.NavItem> settings, List<Row> keys, Created created,
                           String error, String notice, String name) {
    }

    public record Row(String id, String name, String prefix, String createdIso, String createdLabel,
                      String lastUsedIso, String lastUsedLabel, boolean revoked, String revokedLabel) {
    }

    /** The key just made, shown this once. */
    public record Created(String name, String secret) {
    }

    public KeysPageResource(CreateApiKeyUseCase create, ManageApiKeysUseCase manage, Layout layout) {
        this.create = create;
        this.manage = manage;
        this.layout = layout;
    }

    @GET
    public Page list(@Context ContainerRequestContext request, @QueryParam("revoked") String revoked) {
        Visitor visitor = Visitor.of(request);
        visitor.member();
        return page(visitor, null, null, revoked == null ? null : "Revoked “" + revoked + "”: its next request fails.",
                "");
    }

    @POST
    public Response create(@Context ContainerRequestContext request, @FormParam("name") String name) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.require(Role::canManage, "create API keys");
        try {
            CreatedApiKey key = create.create(new CreateApiKeyCommand(member.organizationId(), name,
                    "user:" + member.id()));
            return Response.status(201).entity(page(visitor, new Created(key.key().name(), key.secret().value()),
                    null, null, "")).build();
        } catch (ValidationException invalid) {
            return Response.status(400).entity(page(visitor, null, String.join(" ", invalid.details().values()),
                    null, name == null ? "" : name)).build();
        }
    }

    @POST
    @Path("/{id}/revoke")
    public Response revoke(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.require(Role::canManage, "revoke API keys");
        ApiKeyId keyId = ApiKeyId.tryParse(id).orElseThrow(NotFoundException::new);
        String name = manage.listKeys(member.organizationId()).stream().filter(key -> key.id().equals(keyId))
                .map(ApiKey::name).findFirst().orElseThrow(NotFoundException::new);
        if (!manage.revokeKey(member.organizationId(), keyId, "user:" + member.id())) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create("/settings/keys?revoked=" + URLEncoder.encode(name,
                StandardCharsets.UTF_8))).build();
    }

    private Page page(Visitor visitor, Created created, String error, String notice, String name) {
        Member member = visitor.member();
        List<Row> rows = manage.listKeys(member.organizationId()).stream()
                .sorted(Comparator.comparing(ApiKey::isRevoked).thenComparing(ApiKey::createdAt,
                        Comparator.reverseOrder()))
                .map(key -> new Row(key.id().toString(), key.name(), key.displayPrefix(), Formats.iso(key.createdAt()),
                        Formats.time(key.createdAt()), Formats.iso(key.lastUsedAt()), Formats.time(key.lastUsedAt()),
                        key.isRevoked(), Formats.time(key.revokedAt()))).toList();
        Chrome chrome = layout.chrome(visitor, "API keys", "settings");
        return new Page("keys.jte", new KeysView(chrome, chrome.settingsNavigation("keys"), rows, created, error,
                notice, name));
    }
}
