package ai.zelto.adapters.web.settings;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.people.ManageMembersUseCase;
import ai.zelto.application.port.in.people.SetupLink;
import ai.zelto.domain.organization.UserId;
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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /settings/members}: who can sign in, with what role. Owners and admins invite (the one-time link is shown
 * once, to pass on), change roles and remove, within {@link Role#mayChange}; the server refuses anything else.
 */
@Path("/settings/members")
@Produces(Page.HTML)
public final class MembersPageResource {
    private final ManageMembersUseCase members;
    private final Layout layout;
    private final URI publicUrl;

    public record MembersView(Chrome chrome, List<Chrome.NavItem> settings, List<Row> members, List<String> roles,
                              String inviteLink, String invited, String error) {
    }

    /** One member; {@code you} marks the visitor, {@code pending} one who has not set a password yet. */
    public record Row(String id, String name, String email, String role, boolean you, boolean pending,
                      String joinedLabel, List<RoleOption> roleOptions) {
    }

    public record RoleOption(String value, boolean selected) {
    }

    public MembersPageResource(ManageMembersUseCase members, Layout layout, URI publicUrl) {
        this.members = members;
        this.layout = layout;
        this.publicUrl = publicUrl;
    }

    @GET
    public Page list(@Context ContainerRequestContext request) {
        return page(Visitor.of(request), null, null, null);
    }

    @POST
    public Response invite(@Context ContainerRequestContext request, @Context UriInfo uri,
                           @FormParam("email") String email, @FormParam("displayName") String displayName,
                           @FormParam("role") String role) {
        Visitor visitor = Visitor.of(request);
        Member actor = visitor.member();
        try {
            Role chosen = Role.fromWireName(role).orElseThrow(() -> ValidationException.of("role",
                    "choose a role: owner, admin, member or viewer"));
            SetupLink link = members.invite(actor, email, displayName, chosen);
            URI base = publicUrl != null ? publicUrl : uri.getBaseUri();
            String absolute = base.toString().replaceAll("/+$", "") + link.path();
            return Response.status(201).entity(page(visitor, absolute, link.member().email().value(), null)).build();
        } catch (ValidationException invalid) {
            return Response.status(400).entity(page(visitor, null, null,
                    String.join(" ", invalid.details().values()))).build();
        }
    }

    @POST
    @Path("/{id}/role")
    public Response changeRole(@Context ContainerRequestContext request, @PathParam("id") String id,
                               @FormParam("role") String role) {
        Visitor visitor = Visitor.of(request);
        Role chosen = Role.fromWireName(role).orElseThrow(() -> ValidationException.of("role", "an unknown role"));
        members.changeRole(visitor.member(), userId(id), chosen);
        return Response.seeOther(URI.create("/settings/members")).build();
    }

    @POST
    @Path("/{id}/remove")
    public Response remove(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Visitor visitor = Visitor.of(request);
        members.remove(visitor.member(), userId(id));
        return Response.seeOther(URI.create("/settings/members")).build();
    }

    private static UserId userId(String id) {
        try {
            return new UserId(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException();
        }
    }

    private Page page(Visitor visitor, String inviteLink, String invited, String error) {
        Member you = visitor.member();
        List<Row> rows = members.members(you).stream().map(member -> new Row(member.id().toString(),
                member.displayName(), member.email() == null ? "" : member.email().value(),
                member.role().wireName(), member.id().equals(you.id()), !member.hasPassword(),
                Formats.time(member.createdAt()), Arrays.stream(Role.values())
                .filter(role -> role == member.role() || you.role().mayChange(member.role(), Optional.of(role)))
                .map(role -> new RoleOption(role.wireName(), role == member.role())).toList())).toList();
        Chrome chrome = layout.chrome(visitor, "Members", "settings");
        return new Page("members.jte", new MembersView(chrome, chrome.settingsNavigation("members"), rows,
                Arrays.stream(Role.values()).filter(role -> you.role().mayChange(Role.MEMBER, Optional.of(role)))
                        .map(Role::wireName).toList(), inviteLink, invited, error));
    }
}
