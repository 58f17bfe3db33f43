package ai.zelto.adapters.web;

import ai.zelto.adapters.web.agent.AgentsPageResource;
import ai.zelto.adapters.web.chat.ChatPageResource;
import ai.zelto.adapters.web.audit.AuditPageResource;
import ai.zelto.adapters.web.conversation.ConversationPageResource;
import ai.zelto.adapters.web.conversation.ConversationsPageResource;
import ai.zelto.adapters.web.conversation.RecordingPlaybackResource;
import ai.zelto.adapters.web.credit.CreditsPageResource;
import ai.zelto.adapters.web.delivery.DeliveriesPageResource;
import ai.zelto.adapters.web.page.Assets;
import ai.zelto.adapters.web.page.AssetsResource;
import ai.zelto.adapters.web.page.ConsoleErrorMapper;
import ai.zelto.adapters.web.page.ConsoleHeaders;
import ai.zelto.adapters.web.page.ErrorPages;
import ai.zelto.adapters.web.page.FormBodyLimit;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.PageWriter;
import ai.zelto.adapters.web.session.CsrfFilter;
import ai.zelto.adapters.web.session.SessionFilter;
import ai.zelto.adapters.web.settings.IntegrationsPageResource;
import ai.zelto.adapters.web.settings.KeysPageResource;
import ai.zelto.adapters.web.settings.MembersPageResource;
import ai.zelto.adapters.web.signin.SignInResource;
import ai.zelto.adapters.web.phone.PhonePageResource;
import ai.zelto.adapters.web.reference.ReferencePageResource;
import ai.zelto.adapters.web.voice.VoicePageResource;
import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.port.in.chat.ChatSessionsUseCase;
import ai.zelto.application.port.in.agent.ListAgentsUseCase;
import ai.zelto.application.port.in.agent.ManageAgentsUseCase;
import ai.zelto.application.port.in.apikey.CreateApiKeyUseCase;
import ai.zelto.application.port.in.apikey.ManageApiKeysUseCase;
import ai.zelto.application.port.in.audit.ListAuditUseCase;
import ai.zelto.application.port.in.conversation.GetConversationUseCase;
import ai.zelto.application.port.in.conversation.HighlightConversationUseCase;
import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.port.in.credit.CreditHistoryUseCase;
import ai.zelto.application.port.in.credit.GetCreditsUseCase;
import ai.zelto.application.port.in.delivery.ListDeliveriesUseCase;
import ai.zelto.application.port.in.integration.ConfigureIntegrationUseCase;
import ai.zelto.application.port.in.integration.CreateHookUseCase;
import ai.zelto.application.port.in.integration.ListIntegrationsUseCase;
import ai.zelto.application.port.in.people.ManageMembersUseCase;
import ai.zelto.application.port.in.people.SetupUseCase;
import ai.zelto.application.port.in.people.SignInUseCase;
import ai.zelto.application.port.in.people.WebSessionUseCase;
import ai.zelto.application.port.in.recording.GetRecordingUseCase;
import ai.zelto.application.port.in.phone.PhoneCallsUseCase;
import ai.zelto.application.port.in.voice.VoiceSessionsUseCase;
import io.dropwizard.jersey.DropwizardResourceConfig;
import jakarta.servlet.Filter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;

/**
 * The console as one servlet filter: a Jersey application of its own (its resources, its session and CSRF
 * filters, its error pages and headers), mapped on the console's paths only, so the JSON API keeps its own
 * authentication, errors and headers and neither knows the other.
 */
public final class Console {
    /** The paths the console answers; {@code ""} is the root ({@code /}) alone. */
    public static final List<String> PATHS = List.of("", "/login", "/logout", "/setup/*", "/conversations/*",
            "/agents/*", "/voice/*", "/calls/*", "/chat", "/chat/*", "/deliveries/*", "/credits/*", "/audit/*",
            "/settings/*", "/reference", "/assets/*");

    private Console() {
    }

    /** What the console asks of the application. */
    public record UseCases(SignInUseCase signIn, WebSessionUseCase sessions, SetupUseCase setup,
                           ManageMembersUseCase members, ListConversationsUseCase conversations,
                           GetConversationUseCase conversation, HighlightConversationUseCase highlights,
                           ListAgentsUseCase agents, GetAgentUseCase agent, ListDeliveriesUseCase deliveries,
                           GetRecordingUseCase recordings, CreateApiKeyUseCase createKey, ManageApiKeysUseCase keys,
                           ListIntegrationsUseCase integrations, ConfigureIntegrationUseCase configureIntegration,
                           CreateHookUseCase hooks, GetCreditsUseCase credits, CreditHistoryUseCase creditHistory,
                           ListAuditUseCase audit, ManageAgentsUseCase manageAgents,
                           VoiceSessionsUseCase voiceSessions, PhoneCallsUseCase phoneCalls,
                           ChatSessionsUseCase chatSessions) {
    }

    /**
     * @param publicUrl the server's public URL ({@code ZELTO_PUBLIC_URL}), or null: then each request's own host
     *                  is the console's origin
     */
    public static Filter filter(UseCases useCases, URI publicUrl, Clock clock, SecureRandom random,
                                Executor streams) {
        Assets assets = new Assets();
        Layout layout = new Layout(assets);
        ErrorPages errors = new ErrorPages(layout);
        // Dropwizard's configuration registers resource instances without Jersey's false warning that each "will be
        // ignored" (eclipse-ee4j/jersey#3700), and lists the console's routes at start-up like the API's.
        ResourceConfig config = new DropwizardResourceConfig();
        config.property(ServletProperties.FILTER_FORWARD_ON_404, false);
        config.register(new PageWriter());
        config.register(new ConsoleHeaders());
        config.register(new ConsoleErrorMapper(errors));
        config.register(new SessionFilter(useCases.sessions(), publicUrl, random));
        config.register(new FormBodyLimit());
        config.register(new CsrfFilter(publicUrl));
        config.register(new AssetsResource(assets));
        config.register(new SignInResource(useCases.signIn(), useCases.sessions(), useCases.setup(), layout));
        config.register(new ConversationsPageResource(useCases.conversations(), useCases.agents(), layout, clock));
        config.register(new ConversationPageResource(useCases.conversation(), useCases.conversations(),
                useCases.highlights(), useCases.deliveries(), layout, clock));
        config.register(new RecordingPlaybackResource(useCases.recordings()));
        config.register(new AgentsPageResource(useCases.agents(), useCases.agent(), useCases.conversations(),
                useCases.manageAgents(), layout));
        config.register(new VoicePageResource(useCases.voiceSessions(), useCases.agent(), layout));
        config.register(new PhonePageResource(useCases.phoneCalls(), useCases.agent(), layout));
        config.register(new DeliveriesPageResource(useCases.deliveries(), layout));
        config.register(new KeysPageResource(useCases.createKey(), useCases.keys(), layout));
        config.register(new MembersPageResource(useCases.members(), layout, publicUrl));
        config.register(new IntegrationsPageResource(useCases.integrations(), useCases.agents(),
                useCases.configureIntegration(), useCases.hooks(), layout, publicUrl));
        config.register(new CreditsPageResource(useCases.credits(), useCases.creditHistory(), layout));
        config.register(new AuditPageResource(useCases.audit(), layout));
        config.register(new ReferencePageResource(layout));
        config.register(new ChatPageResource(useCases.chatSessions(), useCases.conversations(), layout, streams));
        return new ServletContainer(config);
    }
}
