package ai.zelto.application.service.voice;

import ai.zelto.application.outbound.OutboundGuard;
import ai.zelto.application.port.out.LiveKit;
import ai.zelto.application.provider.BuiltInSettings;
import ai.zelto.application.service.integration.IntegrationService;
import ai.zelto.application.spi.provider.SettingSpec;
import ai.zelto.domain.organization.OrganizationId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which LiveKit server an organization's sessions use: its own, set through {@code PUT /v1/integrations/livekit}
 * (URL, API key and secret, all three), else the operator's ({@code ZELTO_LIVEKIT_*}), else none. An
 * organization's own URL is an address a user gave, so it passes the {@link OutboundGuard} when set and again
 * before each use; the operator's is trusted.
 */
public final class LiveKitConnections {
    public static final String INTEGRATION = "livekit";
    public static final String URL = "url";
    public static final String API_KEY = "apiKey";
    public static final String API_SECRET = "apiSecret";

    private final LiveKit.Endpoint serverWide;
    private final IntegrationService integrations;
    private final OutboundGuard guard;

    /** One endpoint and whose it is. */
    public record Connection(LiveKit.Endpoint endpoint, boolean organizationOwn) {
    }

    /** A secret that signs with an API key, and which organization set it (null for the operator's). */
    public record KeyOwner(String secret, OrganizationId organizationId) {
    }

    /** @param serverWide the operator's LiveKit, or null */
    public LiveKitConnections(LiveKit.Endpoint serverWide, IntegrationService integrations, OutboundGuard guard) {
        this.serverWide = serverWide;
        this.integrations = integrations;
        this.guard = guard;
    }

    /** The settings organizations may give, with their check. */
    public static BuiltInSettings settings(OutboundGuard guard) {
        return new BuiltInSettings(INTEGRATION, List.of(
                new SettingSpec(URL, "Your LiveKit server's URL, such as wss://my-project.livekit.cloud: browsers"
                        + " connect to it, Zelto creates rooms on it.", false),
                new SettingSpec(API_KEY, "An API key of that server (Zelto signs its requests and tokens with it, and"
                        + " LiveKit's webhooks must be signed with it).", false),
                new SettingSpec(API_SECRET, "The secret of that API key.", true)),
                (organizationId, after) -> check(after, guard));
    }

    static Map<String, String> check(Map<String, String> after, OutboundGuard guard) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : List.of(URL, API_KEY, API_SECRET)) {
            if (!after.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty() && missing.size() < 3) {
            missing.forEach(name -> errors.put(name, "url, apiKey and apiSecret go together: set all three,"
                    + " or remove all three to use the server's LiveKit"));
            return errors;
        }
        String url = after.get(URL);
        if (url != null) {
            try {
                guard.check(serverUri(url));
            } catch (OutboundGuard.Unusable wrong) {
                errors.put(URL, wrong.getMessage());
            }
        }
        return errors;
    }

    /**
     * The http(s) form of a ws(s) or http(s) URL.
     *
     * @throws OutboundGuard.Refused for anything else
     */
    static URI serverUri(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("ws://") || lower.startsWith("wss://") || lower.startsWith("http://")
                || lower.startsWith("https://"))) {
            throw new OutboundGuard.Refused("must be a ws://, wss://, http:// or https:// URL");
        }
        try {
            URI uri = new URI(new LiveKit.Endpoint(url, "-", "-").serverUrl());
            if (uri.getHost() == null) {
                throw new OutboundGuard.Refused("must be a URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new OutboundGuard.Refused("is not a URL");
        }
    }

    /**
     * The connection the organization's sessions use, checked for use now; empty when none is configured.
     *
     * @throws OutboundGuard.Unusable when the organization's own URL may not or cannot be used now
     */
    public Optional<Connection> connectionFor(OrganizationId organizationId) {
        Map<String, String> own = integrations.settingsFor(organizationId, INTEGRATION);
        if (own.containsKey(URL) && own.containsKey(API_KEY) && own.containsKey(API_SECRET)) {
            LiveKit.Endpoint endpoint = new LiveKit.Endpoint(own.get(URL), own.get(API_KEY), own.get(API_SECRET));
            guard.check(serverUri(endpoint.url()));
            return Optional.of(new Connection(endpoint, true));
        }
        return Optional.ofNullable(serverWide).map(endpoint -> new Connection(endpoint, false));
    }

    /**
     * The endpoint to use for the organization now.
     *
     * @throws VoiceRefusals.LiveKitNotConfigured when it has none
     * @throws VoiceRefusals.LiveKitAddressRefused when its own URL may no longer be used
     * @throws VoiceRefusals.LiveKitUnavailable when its own URL cannot be resolved
     */
    public LiveKit.Endpoint endpointFor(OrganizationId organizationId) {
        try {
            return connectionFor(organizationId).orElseThrow(VoiceRefusals.LiveKitNotConfigured::new).endpoint();
        } catch (OutboundGuard.Refused refused) {
            throw new VoiceRefusals.LiveKitAddressRefused(refused.getMessage());
        } catch (OutboundGuard.Unresolved unresolved) {
            throw new VoiceRefusals.LiveKitUnavailable("your LiveKit URL cannot be reached: "
                    + unresolved.getMessage());
        }
    }

    /** Who may sign LiveKit's webhooks with this API key: the operator, organizations, or nobody. */
    public List<KeyOwner> ownersOf(String apiKey) {
        List<KeyOwner> owners = new ArrayList<>();
        if (serverWide != null && serverWide.apiKey().equals(apiKey)) {
            owners.add(new KeyOwner(serverWide.apiSecret(), null));
        }
        for (OrganizationId org : integrations.organizationsWith(INTEGRATION, API_KEY, apiKey)) {
            String secret = integrations.settingsFor(org, INTEGRATION).get(API_SECRET);
            if (secret != null) {
                owners.add(new KeyOwner(secret, org));
            }
        }
        return owners;
    }
}
