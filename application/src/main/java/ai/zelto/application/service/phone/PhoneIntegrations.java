package ai.zelto.application.service.phone;

import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.port.out.LiveKitConnector;
import ai.zelto.application.port.out.TwilioVoice;
import ai.zelto.application.provider.BuiltInSettings;
import ai.zelto.application.service.integration.IntegrationService;
import ai.zelto.application.service.voice.VoiceAgents;
import ai.zelto.application.spi.provider.SettingSpec;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.PhoneNumber;
import ai.zelto.domain.shared.Sha256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An organization's WhatsApp Business number and Twilio account: built-in integrations whose settings are set
 * through {@code PUT /v1/integrations/whatsapp} and {@code /twilio} like a plugin's (secrets encrypted, shown as
 * hints, changes audited), and whose hook URLs receive Meta's and Twilio's webhooks.
 */
public final class PhoneIntegrations {
    public static final String WHATSAPP = "whatsapp";
    public static final String TWILIO = "twilio";
    public static final String PHONE_NUMBER_ID = "phoneNumberId";
    public static final String ACCESS_TOKEN = "accessToken";
    public static final String APP_SECRET = "appSecret";
    public static final String CLOUD_API_VERSION = "cloudApiVersion";
    public static final String INBOUND_AGENT_ID = "inboundAgentId";
    public static final String ACCOUNT_SID = "accountSid";
    public static final String AUTH_TOKEN = "authToken";
    public static final String PHONE_NUMBER = "phoneNumber";
    /** The Cloud API version used when an organization names none; LiveKit's connector takes 23.0 to 25.0. */
    public static final String DEFAULT_CLOUD_API_VERSION = "23.0";
    static final String VERIFY_TOKEN = "verifyToken";
    private static final Pattern CLOUD_API = Pattern.compile("v?[0-9]{1,3}\\.[0-9]{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern NUMBER_ID = Pattern.compile("[0-9]{1,40}");

    /** What an organization set for WhatsApp. */
    public record WhatsApp(LiveKitConnector.WhatsAppAccount account, String appSecret, AgentId inboundAgentId) {
        @Override
        public String toString() {
            return "WhatsApp[" + account + ", inboundAgentId=" + inboundAgentId + "]";
        }
    }

    /** What an organization set for Twilio. */
    public record Twilio(TwilioVoice.Account account, String phoneNumber, AgentId inboundAgentId) {
    }

    private final IntegrationService integrations;

    public PhoneIntegrations(IntegrationService integrations) {
        this.integrations = integrations;
    }

    /** WhatsApp's settings, with their check. */
    public static BuiltInSettings whatsAppSettings(AgentRepository agents) {
        return new BuiltInSettings(WHATSAPP, List.of(
                new SettingSpec(PHONE_NUMBER_ID, "The Phone number ID of your WhatsApp Business number (WhatsApp →"
                        + " API Setup in Meta's app dashboard), not the number itself.", false),
                new SettingSpec(ACCESS_TOKEN, "A Cloud API access token for that number (a system user's permanent"
                        + " token); LiveKit uses it to answer, place and end calls.", true),
                new SettingSpec(APP_SECRET, "Your Meta app's App Secret (App settings → Basic): Meta signs its"
                        + " webhooks with it, and Zelto refuses any it cannot verify.", true),
                new SettingSpec(CLOUD_API_VERSION, "The Graph API version of your webhooks, such as 23.0 (the"
                        + " default); LiveKit takes 23.0, 24.0 or 25.0.", false),
                new SettingSpec(INBOUND_AGENT_ID, "The voice agent that answers people who call this number; without"
                        + " one, their calls are refused.", false)),
                (organizationId, after) -> checkWhatsApp(organizationId, after, agents),
                token -> Map.of(VERIFY_TOKEN, verifyToken(token)));
    }

    /** Twilio's settings, with their check. */
    public static BuiltInSettings twilioSettings(AgentRepository agents) {
        return new BuiltInSettings(TWILIO, List.of(
                new SettingSpec(ACCOUNT_SID, "Your Twilio Account SID (AC…), from the Twilio console.", false),
                new SettingSpec(AUTH_TOKEN, "That account's Auth Token: Twilio signs its webhooks with it, and Zelto"
                        + " places and ends calls with it.", true),
                new SettingSpec(PHONE_NUMBER, "Your Twilio number in E.164 (+15551234567): calls Zelto places come"
                        + " from it.", false),
                new SettingSpec(INBOUND_AGENT_ID, "The voice agent that answers people who call that number; without"
                        + " one, their calls are refused.", false)),
                (organizationId, after) -> checkTwilio(organizationId, after, agents));
    }

    static Map<String, String> checkWhatsApp(OrganizationId organizationId, Map<String, String> after,
                                             AgentRepository agents) {
        Map<String, String> errors = together(after, List.of(PHONE_NUMBER_ID, ACCESS_TOKEN, APP_SECRET),
                "phoneNumberId, accessToken and appSecret go together: set all three, or remove all three");
        String numberId = after.get(PHONE_NUMBER_ID);
        if (numberId != null && !NUMBER_ID.matcher(numberId).matches()) {
            errors.put(PHONE_NUMBER_ID, "must be the number's Phone number ID (digits, such as 106540352242922),"
                    + " not the phone number");
        }
        String version = after.get(CLOUD_API_VERSION);
        if (version != null && !CLOUD_API.matcher(version).matches()) {
            errors.put(CLOUD_API_VERSION, "must be a Graph API version such as 23.0");
        }
        checkAgent(organizationId, after, agents, errors);
        return errors;
    }

    static Map<String, String> checkTwilio(OrganizationId organizationId, Map<String, String> after,
                                           AgentRepository agents) {
        Map<String, String> errors = together(after, List.of(ACCOUNT_SID, AUTH_TOKEN),
                "accountSid and authToken go together: set both, or remove both");
        String sid = after.get(ACCOUNT_SID);
        if (sid != null && !ACCOUNT.matcher(sid).matches()) {
            errors.put(ACCOUNT_SID, "must be an Account SID: AC and 32 hexadecimal characters");
        }
        String number = after.get(PHONE_NUMBER);
        if (number != null && !PhoneNumber.parse(number).map(number::equals).orElse(false)) {
            errors.put(PHONE_NUMBER, "must be a phone number in E.164, such as +15551234567");
        }
        checkAgent(organizationId, after, agents, errors);
        return errors;
    }

    private static Map<String, String> together(Map<String, String> after, List<String> names, String message) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>(names.stream().filter(name -> !after.containsKey(name)).toList());
        boolean any = names.stream().anyMatch(after::containsKey);
        if (any && !missing.isEmpty()) {
            missing.forEach(name -> errors.put(name, message));
        }
        return errors;
    }

    private static void checkAgent(OrganizationId organizationId, Map<String, String> after, AgentRepository agents,
                                   Map<String, String> errors) {
        String text = after.get(INBOUND_AGENT_ID);
        if (text == null) {
            return;
        }
        Optional<Agent> agent = AgentId.tryParse(text).flatMap(id -> agents.find(organizationId, id));
        if (agent.isEmpty()) {
            errors.put(INBOUND_AGENT_ID, "must be the id of one of your agents (GET /v1/agents)");
            return;
        }
        VoiceAgents.problem(agent.get()).ifPresent(problem -> errors.put(INBOUND_AGENT_ID, problem));
    }

    /**
     * The verify token Meta's handshake must present for a hook: derived from the hook's secret token, so that
     * rotating the hook rotates it too, and nobody who sees only the stored hash can work it out.
     */
    static String verifyToken(String hookToken) {
        return "zv_" + Sha256.hex("zelto whatsapp verify token\n" + hookToken).substring(0, 40);
    }

    /** The organization's WhatsApp, when its number and credentials are set. */
    public Optional<WhatsApp> whatsApp(OrganizationId organizationId) {
        Map<String, String> set = integrations.settingsFor(organizationId, WHATSAPP);
        if (!set.containsKey(PHONE_NUMBER_ID) || !set.containsKey(ACCESS_TOKEN) || !set.containsKey(APP_SECRET)) {
            return Optional.empty();
        }
        String version = set.getOrDefault(CLOUD_API_VERSION, DEFAULT_CLOUD_API_VERSION);
        return Optional.of(new WhatsApp(new LiveKitConnector.WhatsAppAccount(set.get(PHONE_NUMBER_ID),
                set.get(ACCESS_TOKEN), version.startsWith("v") ? version.substring(1) : version),
                set.get(APP_SECRET), AgentId.tryParse(set.get(INBOUND_AGENT_ID)).orElse(null)));
    }

    /** The organization's Twilio, when its account is set. */
    public Optional<Twilio> twilio(OrganizationId organizationId) {
        Map<String, String> set = integrations.settingsFor(organizationId, TWILIO);
        if (!set.containsKey(ACCOUNT_SID) || !set.containsKey(AUTH_TOKEN)) {
            return Optional.empty();
        }
        return Optional.of(new Twilio(new TwilioVoice.Account(set.get(ACCOUNT_SID), set.get(AUTH_TOKEN)),
                set.get(PHONE_NUMBER), AgentId.tryParse(set.get(INBOUND_AGENT_ID)).orElse(null)));
    }

    /** The URL (absolute when a public URL is configured) of the organization's hook for Twilio or WhatsApp. */
    public Optional<String> hookUrl(OrganizationId organizationId, String integration) {
        return integrations.hookUrl(organizationId, integration);
    }

    /** The server's public URL, or null. */
    public String publicBaseUrl() {
        return integrations.publicBaseUrl();
    }
}
