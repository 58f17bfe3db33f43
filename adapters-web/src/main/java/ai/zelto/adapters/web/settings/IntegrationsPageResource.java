package ai.zelto.adapters.web.settings;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.agent.ListAgentsUseCase;
import ai.zelto.application.port.in.integration.ConfigureIntegrationUseCase;
import ai.zelto.application.port.in.integration.CreateHookUseCase;
import ai.zelto.application.port.in.integration.ListIntegrationsUseCase;
import ai.zelto.application.readmodel.IntegrationStatus;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /settings/integrations}: a card per provider (API Call Upload, LiveKit, Vapi, Retell, each plugin) with
 * its state and last call, how to connect it with this server's URLs, a button that makes an API key for it, its
 * settings (secrets write-only, shown by their last characters) and its hook URL with create and rotate. The hook
 * URL is a secret that lets anyone post calls as the organization: only owners and admins see it.
 */
@Path("/settings/integrations")
@Produces(Page.HTML)
public final class IntegrationsPageResource {
    /** The setting of WhatsApp and Twilio that names a voice agent: offered as a choice of the voice agents. */
    private static final String INBOUND_AGENT = "inboundAgentId";
    private static final List<String> ORDER = List.of("zelto", "livekit", "whatsapp", "twilio", "llm", "vapi",
            "retell");

    private final ListIntegrationsUseCase integrations;
    private final ListAgentsUseCase agents;
    private final ConfigureIntegrationUseCase configure;
    private final CreateHookUseCase hooks;
    private final Layout layout;
    private final URI publicUrl;

    public record IntegrationsView(Chrome chrome, List<Chrome.NavItem> settings, List<Card> cards, McpCard mcp,
                                   String notice, String error, String errorProvider) {
    }

    /** The MCP server's card: its URL and each common client's configuration. */
    public record McpCard(String url, List<ClientConfig> clients) {
    }

    /** One MCP client's configuration: where it goes, and the text to paste there. */
    public record ClientConfig(String id, String client, String where, String text) {
    }

    /** One provider's card. */
    public record Card(String provider, String title, String summary, boolean active, long calls,
                       String lastCallIso, String lastCallLabel, List<String> steps, String example,
                       String keyName, List<Setting> settings, String hookUrl, Map<String, String> hookDetails,
                       boolean hookable, String prompt) {
    }

    /** @param choices what the setting may be, when it names one of a few things (an agent); else empty */
    public record Setting(String name, String description, boolean secret, boolean configured, String hint,
                          List<Choice> choices) {
    }

    /** One thing a setting may name. */
    public record Choice(String value, String label, boolean selected) {
    }

    public IntegrationsPageResource(ListIntegrationsUseCase integrations, ListAgentsUseCase agents,
                                    ConfigureIntegrationUseCase configure, CreateHookUseCase hooks, Layout layout,
                                    URI publicUrl) {
        this.integrations = integrations;
        this.agents = agents;
        this.configure = configure;
        this.hooks = hooks;
        this.layout = layout;
        this.publicUrl = publicUrl;
    }

    @GET
    public Page show(@Context ContainerRequestContext request, @Context UriInfo uri,
                     @QueryParam("saved") String saved, @QueryParam("rotated") String rotated) {
        String notice = saved != null ? "Saved the " + Formats.provider(saved) + " settings."
                : rotated != null ? "New hook URL for " + Formats.provider(rotated) + ": the old one stopped working."
                : null;
        return page(Visitor.of(request), uri, notice, null, null);
    }

    @POST
    @Path("/{provider}")
    public Response save(@Context ContainerRequestContext request, @Context UriInfo uri,
                         @PathParam("provider") String provider, Form form) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.require(Role::canManage, "change integration settings");
        IntegrationStatus status = status(member, provider);
        Map<String, String> changes = new HashMap<>();
        status.settings().forEach((name, setting) -> {
            String value = form.asMap().getFirst("setting." + name);
            if (form.asMap().containsKey("clear." + name)) {
                changes.put(name, null);
            } else if (value != null && !value.isEmpty()) {
                changes.put(name, value);
            }
        });
        try {
            if (!changes.isEmpty()) {
                configure.configure(member.organizationId(), provider, changes, "user:" + member.id());
            }
        } catch (ValidationException invalid) {
            return Response.status(400).entity(page(visitor, uri, null, String.join(" ", invalid.details().entrySet()
                    .stream().map(detail -> detail.getKey() + ": " + detail.getValue() + ".").toList()), provider))
                    .build();
        }
        return Response.seeOther(URI.create("/settings/integrations?saved=" + provider + "#" + provider)).build();
    }

    @POST
    @Path("/{provider}/hook")
    public Response rotateHook(@Context ContainerRequestContext request, @PathParam("provider") String provider) {
        Member member = Visitor.of(request).require(Role::canManage, "create hook URLs");
        status(member, provider);
        hooks.createHook(member.organizationId(), provider, "user:" + member.id());
        return Response.seeOther(URI.create("/settings/integrations?rotated=" + provider + "#" + provider)).build();
    }

    private IntegrationStatus status(Member member, String provider) {
        return integrations.listIntegrations(member.organizationId()).stream()
                .filter(status -> status.provider().equals(provider)).findFirst().orElseThrow(NotFoundException::new);
    }

    private Page page(Visitor visitor, UriInfo uri, String notice, String error, String errorProvider) {
        Member member = visitor.member();
        String base = (publicUrl != null ? publicUrl : uri.getBaseUri()).toString().replaceAll("/+$", "");
        List<Card> cards = new ArrayList<>();
        List<Agent> voiceAgents = agents.agentsOf(member.organizationId()).stream()
                .filter(agent -> agent.architecture() != null && agent.architecture().isVoice()).toList();
        integrations.listIntegrations(member.organizationId()).stream()
                .sorted(Comparator.comparingInt(status -> order(status.provider())))
                .forEach(status -> {
                    String hookUrl = !member.role().canManage() || status.hookUrl() == null ? null
                            : status.hookUrl().startsWith("/") ? base + status.hookUrl() : status.hookUrl();
                    Map<String, String> details = hookUrl == null ? Map.of() : status.hookDetails();
                    Guides.Guide guide = Guides.of(status.provider(), base, hookUrl, details.get("verifyToken"),
                            publicUrl != null);
                    List<Setting> settings = status.settings().entrySet().stream().map(entry -> new Setting(
                            entry.getKey(), entry.getValue().description(), entry.getValue().secret(),
                            entry.getValue().configured(), entry.getValue().hint() == null ? ""
                            : entry.getValue().hint(), entry.getKey().equals(INBOUND_AGENT)
                            ? agentChoices(voiceAgents, entry.getValue().hint()) : List.of())).toList();
                    boolean hookable = !List.of("zelto", "livekit", "llm").contains(status.provider());
                    cards.add(new Card(status.provider(), guide.title(), guide.summary(), status.active(),
                            status.calls(), Formats.iso(status.lastCallAt()), Formats.time(status.lastCallAt()),
                            guide.steps(), guide.example(), guide.suggestedKeyName(), settings, hookUrl, details,
                            hookable, status.provider().equals("zelto") ? Guides.codingAgentPrompt(base) : null));
                });
        Chrome chrome = layout.chrome(visitor, "Integrations", "settings");
        return new Page("integrations.jte", new IntegrationsView(chrome, chrome.settingsNavigation("integrations"),
                cards, new McpCard(base + "/mcp", Guides.mcpClients(base + "/mcp")), notice, error, errorProvider));
    }

    /** The voice agents an inbound agent setting may name, the one set first marked. */
    private static List<Choice> agentChoices(List<Agent> voiceAgents, String current) {
        List<Choice> choices = new ArrayList<>();
        for (Agent agent : voiceAgents) {
            String label = agent.displayName() + (agent.livekitAgentName() == null ? " (no LiveKit worker yet)" : "");
            choices.add(new Choice(agent.id().toString(), label, agent.id().toString().equals(current)));
        }
        return choices;
    }

    private static int order(String provider) {
        int index = ORDER.indexOf(provider);
        return index < 0 ? ORDER.size() : index;
    }
}
