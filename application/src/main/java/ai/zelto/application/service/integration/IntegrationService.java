package ai.zelto.application.service.integration;

import ai.zelto.application.port.in.integration.ConfigureIntegrationUseCase;
import ai.zelto.application.port.in.integration.CreateHookUseCase;
import ai.zelto.application.port.in.integration.CreateHookUseCase.CreatedHook;
import ai.zelto.application.port.in.integration.ListIntegrationsUseCase;
import ai.zelto.application.port.in.integration.ResolveHookUseCase;
import ai.zelto.application.port.out.IntegrationRepository.StoredSetting;
import ai.zelto.application.port.out.IntegrationRepository;
import ai.zelto.application.port.out.IntegrationStatistics;
import ai.zelto.application.port.out.SecretCipher;
import ai.zelto.application.port.out.UnitOfWork;
import ai.zelto.application.provider.BuiltInSettings;
import ai.zelto.application.provider.ProviderRegistry;
import ai.zelto.application.provider.ProviderSettings;
import ai.zelto.application.readmodel.IntegrationStatus.SettingStatus;
import ai.zelto.application.readmodel.IntegrationStatus;
import ai.zelto.application.service.audit.AuditService;
import ai.zelto.application.spi.provider.SettingSpec;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.shared.DomainException;
import ai.zelto.domain.shared.Sha256;
import ai.zelto.domain.shared.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An organization's integrations: provider settings (secret values encrypted at rest, shown only as a hint),
 * header-free hook URLs, and the status list. Also what ingestion asks for a provider's decrypted settings.
 */
public final class IntegrationService implements ConfigureIntegrationUseCase, CreateHookUseCase, ResolveHookUseCase,
        ListIntegrationsUseCase, ProviderSettings {
    static final String HOOK_TOKEN_PREFIX = "zh_";
    private static final int HINT_CHARS = 4;
    private static final int MAX_VALUE_LENGTH = 4096;

    private final ProviderRegistry providers;
    private final IntegrationRepository integrations;
    private final IntegrationStatistics statistics;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final UnitOfWork unitOfWork;
    private final SecureRandom random;
    private final Clock clock;
    private final String publicBaseUrl;
    private final Map<String, BuiltInSettings> builtIn = new TreeMap<>();

    /** @param publicBaseUrl the server's public URL (e.g. {@code https://zelto.example.com}), or null */
    public IntegrationService(ProviderRegistry providers, IntegrationRepository integrations,
                              IntegrationStatistics statistics, SecretCipher cipher, AuditService audit,
                              UnitOfWork unitOfWork, SecureRandom random, Clock clock, String publicBaseUrl) {
        this(providers, List.of(), integrations, statistics, cipher, audit, unitOfWork, random, clock, publicBaseUrl);
    }

    /** @param builtIn the settings of integrations built into Zelto, such as an organization's LiveKit server */
    public IntegrationService(ProviderRegistry providers, List<BuiltInSettings> builtIn,
                              IntegrationRepository integrations, IntegrationStatistics statistics,
                              SecretCipher cipher, AuditService audit, UnitOfWork unitOfWork, SecureRandom random,
                              Clock clock, String publicBaseUrl) {
        builtIn.forEach(declared -> this.builtIn.put(declared.id(), declared));
        this.providers = providers;
        this.integrations = integrations;
        this.statistics = statistics;
        this.cipher = cipher;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.random = random;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.replaceAll("/+$", "");
    }

    /** The organization's settings for a provider, decrypted; empty when the provider declares none. */
    @Override
    public Map<String, String> settingsFor(OrganizationId organizationId, String provider) {
        if (declared(provider).map(List::isEmpty).orElse(true)) {
            return Map.of();
        }
        return decrypted(organizationId, provider);
    }

    private Map<String, String> decrypted(OrganizationId organizationId, String provider) {
        Map<String, String> plain = new LinkedHashMap<>();
        integrations.settings(organizationId, provider).forEach((name, stored) ->
                plain.put(name, cipher.decrypt(stored.ciphertext())));
        return plain;
    }

    /**
     * The organizations whose setting of this integration has this value. Only plain settings (not secrets)
     * can be looked up, by the value kept as their hint.
     */
    public List<OrganizationId> organizationsWith(String provider, String setting, String value) {
        boolean plain = declared(provider).orElse(List.of()).stream()
                .anyMatch(spec -> spec.name().equals(setting) && !spec.secret());
        if (!plain) {
            throw new IllegalArgumentException(provider + "." + setting + " is not a plain setting");
        }
        return integrations.organizationsWithHint(provider, setting, value);
    }

    @Override
    public IntegrationStatus configure(OrganizationId organizationId, String provider, Map<String, String> changes,
                                       String actor) {
        List<SettingSpec> specs = installed(provider);
        Map<String, String> errors = new LinkedHashMap<>();
        changes.forEach((name, value) -> {
            if (spec(specs, name).isEmpty()) {
                errors.put(name, specs.isEmpty() ? provider + " has no settings"
                        : "is not a setting of " + provider + "; its settings: " + names(specs));
            } else if (value != null && (value.isEmpty() || value.length() > MAX_VALUE_LENGTH)) {
                errors.put(name, "must be 1 to " + MAX_VALUE_LENGTH + " characters, or null to remove it");
            }
        });
        BuiltInSettings checked = builtIn.get(provider);
        if (errors.isEmpty() && checked != null) {
            Map<String, String> after = decrypted(organizationId, provider);
            changes.forEach((name, value) -> {
                if (value == null) {
                    after.remove(name);
                } else {
                    after.put(name, value);
                }
            });
            errors.putAll(checked.check().errors(organizationId, after));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        unitOfWork.inTransaction(() -> {
            save(organizationId, provider, specs, changes, actor);
            return null;
        });
        return listIntegrations(organizationId).stream().filter(status -> status.provider().equals(provider))
                .findFirst().orElseThrow();
    }

    private void save(OrganizationId organizationId, String provider, List<SettingSpec> specs,
                      Map<String, String> changes, String actor) {
        Map<String, StoredSetting> stored = new LinkedHashMap<>(integrations.settings(organizationId, provider));
        changes.forEach((name, value) -> {
            if (value == null) {
                stored.remove(name);
            } else {
                boolean secret = spec(specs, name).orElseThrow().secret();
                stored.put(name, new StoredSetting(cipher.encrypt(value), secret ? hint(value) : value,
                        clock.instant()));
            }
        });
        integrations.saveSettings(organizationId, provider, stored);
        Map<String, String> names = new LinkedHashMap<>();
        names.put("provider", provider);
        names.put("set", String.join(",", changes.entrySet().stream().filter(e -> e.getValue() != null)
                .map(Map.Entry::getKey).sorted().toList()));
        names.put("removed", String.join(",", changes.entrySet().stream().filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey).sorted().toList()));
        audit.record(organizationId, actor, "provider_settings.changed", "integration:" + provider, names);
    }

    @Override
    public CreatedHook createHook(OrganizationId organizationId, String provider, String actor) {
        installed(provider);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = HOOK_TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        unitOfWork.inTransaction(() -> {
            integrations.saveHook(organizationId, provider, hash(token), cipher.encrypt(token), clock.instant());
            audit.record(organizationId, actor, "provider_hook.rotated", "integration:" + provider, Map.of());
            return null;
        });
        return new CreatedHook(hookUrl(provider, token), hookDetails(provider, token));
    }

    private Map<String, String> hookDetails(String provider, String token) {
        BuiltInSettings own = builtIn.get(provider);
        return own == null ? Map.of() : own.hookDetails().apply(token);
    }

    /** The organization's hook URL for a provider (absolute when a public URL is configured), if it has one. */
    public Optional<String> hookUrl(OrganizationId organizationId, String provider) {
        String token = integrations.hookTokens(organizationId).get(provider);
        return Optional.ofNullable(token).map(stored -> hookUrl(provider, cipher.decrypt(stored)));
    }

    /** The server's public URL without a trailing slash, or null when none is configured. */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    @Override
    public Optional<OrganizationId> resolveHook(String provider, String token) {
        if (token == null || !token.startsWith(HOOK_TOKEN_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return integrations.findHook(hash(token))
                .filter(target -> target.provider().equals(provider))
                .map(IntegrationRepository.HookTarget::organizationId);
    }

    /** Every installed provider, plus any provider the org has calls from whose plugin is gone. */
    @Override
    public List<IntegrationStatus> listIntegrations(OrganizationId organizationId) {
        Map<String, IntegrationStatus> calls = statistics.byProvider(organizationId);
        Map<String, Map<String, StoredSetting>> settings = integrations.allSettings(organizationId);
        Map<String, String> hooks = integrations.hookTokens(organizationId);
        TreeSet<String> ids = new TreeSet<>(providers.ids());
        ids.addAll(builtIn.keySet());
        ids.addAll(calls.keySet());
        return ids.stream().map(id -> {
            IntegrationStatus status = calls.getOrDefault(id, IntegrationStatus.ofCalls(id, null, 0));
            Map<String, SettingStatus> declared = new LinkedHashMap<>();
            Map<String, StoredSetting> configured = settings.getOrDefault(id, Map.of());
            declared(id).orElse(List.of()).forEach(spec -> {
                StoredSetting stored = configured.get(spec.name());
                declared.put(spec.name(), new SettingStatus(stored != null, stored == null ? null : stored.hint(),
                        spec.secret(), spec.description()));
            });
            String token = hooks.get(id) == null ? null : cipher.decrypt(hooks.get(id));
            return status.with(declared, token == null ? null : hookUrl(id, token),
                    token == null ? Map.of() : hookDetails(id, token));
        }).toList();
    }

    /** The settings of a provider plugin and of the built-in integration with its id; empty when neither exists. */
    private Optional<List<SettingSpec>> declared(String id) {
        Optional<ProviderRegistry.Provider> plugin = providers.provider(id);
        BuiltInSettings own = builtIn.get(id);
        if (plugin.isEmpty() && own == null) {
            return Optional.empty();
        }
        List<SettingSpec> all = new ArrayList<>(plugin.map(ProviderRegistry.Provider::settings).orElse(List.of()));
        if (own != null) {
            all.addAll(own.settings());
        }
        return Optional.of(all);
    }

    private List<SettingSpec> installed(String provider) {
        return declared(provider).orElseThrow(() -> new UnknownProviderException(provider));
    }

    private static Optional<SettingSpec> spec(List<SettingSpec> specs, String name) {
        return specs.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    private String hookUrl(String provider, String token) {
        String path = "/webhooks/" + provider + "/" + token;
        return publicBaseUrl == null ? path : publicBaseUrl + path;
    }

    private static String names(List<SettingSpec> specs) {
        return String.join(", ", specs.stream().map(SettingSpec::name).toList());
    }

    private static String hint(String secret) {
        return secret.length() <= HINT_CHARS * 2 ? "…" : "…" + secret.substring(secret.length() - HINT_CHARS);
    }

    private static String hash(String token) {
        return Sha256.hex(token);
    }

    /** A provider id with no installed plugin. */
    public static final class UnknownProviderException extends DomainException {
        private static final long serialVersionUID = 1L;

        UnknownProviderException(String provider) {
            super("no provider plugin has the id '" + provider + "'");
        }

        @Override
        public String code() {
            return "unknown_provider";
        }

        @Override
        public Category category() {
            return Category.NOT_FOUND;
        }
    }
}
