package ai.zelto.application.service.chat;

import ai.zelto.application.outbound.OutboundGuard;
import ai.zelto.application.port.out.ChatModel;
import ai.zelto.application.provider.BuiltInSettings;
import ai.zelto.application.service.integration.IntegrationService;
import ai.zelto.application.spi.provider.SettingSpec;
import ai.zelto.domain.organization.OrganizationId;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which model an organization's chat sessions use: its own, set through {@code PUT /v1/integrations/llm} (URL and
 * model, with an API key when its server wants one; the key encrypted at rest like every secret setting), else
 * the operator's ({@code ZELTO_LLM_*}), else none. An agent may name its own model on either. An organization's
 * URL is an address a user gave, so it passes the {@link OutboundGuard} when set and again before each use; the
 * operator's is trusted (a model server on localhost is the usual self-hosted case).
 */
public final class ModelConnections {
    public static final String INTEGRATION = "llm";
    public static final String URL = "url";
    public static final String API_KEY = "apiKey";
    public static final String MODEL = "model";

    private final ChatModel.Endpoint serverWide;
    private final IntegrationService integrations;
    private final OutboundGuard guard;

    /** @param serverWide the operator's model, or null */
    public ModelConnections(ChatModel.Endpoint serverWide, IntegrationService integrations, OutboundGuard guard) {
        this.serverWide = serverWide;
        this.integrations = integrations;
        this.guard = guard;
    }

    /** The settings organizations may give, with their check. */
    public static BuiltInSettings settings(OutboundGuard guard) {
        return new BuiltInSettings(INTEGRATION, List.of(
                new SettingSpec(URL, "The base URL of an OpenAI-compatible chat-completions API, such as"
                        + " https://api.openai.com/v1 (Zelto posts to its /chat/completions).", false),
                new SettingSpec(API_KEY, "The API key sent to it as a Bearer token, if it wants one.", true),
                new SettingSpec(MODEL, "The model text agents use there, unless an agent names its own.", false)),
                (organizationId, after) -> check(after, guard));
    }

    static Map<String, String> check(Map<String, String> after, OutboundGuard guard) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean url = after.containsKey(URL);
        if (url != after.containsKey(MODEL)) {
            errors.put(url ? MODEL : URL, "url and model go together: set both, or remove both to use the"
                    + " server's model");
        }
        if (!url && after.containsKey(API_KEY)) {
            errors.put(API_KEY, "needs a url (and a model) to be sent to");
        }
        if (url) {
            try {
                guard.check(uri(after.get(URL)));
            } catch (OutboundGuard.Unusable wrong) {
                errors.put(URL, wrong.getMessage());
            }
        }
        return errors;
    }

    /**
     * The http(s) URL.
     *
     * @throws OutboundGuard.Refused for anything else
     */
    static URI uri(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://"))) {
            throw new OutboundGuard.Refused("must be an http:// or https:// URL");
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) {
                throw new OutboundGuard.Refused("must be a URL with a host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new OutboundGuard.Refused("is not a URL");
        }
    }

    /** Whether the organization has a model (its own or the operator's), without checking its address. */
    public boolean configured(OrganizationId organizationId) {
        return serverWide != null || integrations.settingsFor(organizationId, INTEGRATION).containsKey(URL);
    }

    /**
     * The endpoint to use for the organization now, with the agent's own model when it names one.
     *
     * @throws ChatRefusals.ModelNotConfigured when it has none
     * @throws ChatRefusals.ModelAddressRefused when its own URL may not be used now
     */
    public ChatModel.Endpoint endpointFor(OrganizationId organizationId, String agentModel) {
        Map<String, String> own = integrations.settingsFor(organizationId, INTEGRATION);
        ChatModel.Endpoint endpoint;
        if (own.containsKey(URL) && own.containsKey(MODEL)) {
            try {
                guard.check(uri(own.get(URL)));
            } catch (OutboundGuard.Unusable unusable) {
                throw new ChatRefusals.ModelAddressRefused(unusable.getMessage());
            }
            endpoint = new ChatModel.Endpoint(own.get(URL).strip(), own.get(API_KEY), own.get(MODEL).strip());
        } else {
            endpoint = Optional.ofNullable(serverWide).orElseThrow(ChatRefusals.ModelNotConfigured::new);
        }
        return agentModel == null || agentModel.isBlank() ? endpoint : endpoint.withModel(agentModel.strip());
    }
}
