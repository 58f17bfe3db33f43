package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.IntegrationRepository;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Provider settings as one jsonb object per (org, provider); hook tokens by hash. */
final class JdbiIntegrationRepository implements IntegrationRepository {
    private final Handles handles;

    JdbiIntegrationRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Map<String, StoredSetting> settings(OrganizationId organizationId, String provider) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT settings::text FROM provider_settings
                        WHERE organization_id = :org AND provider = :provider""")
                .bind("org", organizationId.value())
                .bind("provider", provider)
                .mapTo(String.class)
                .findOne()
                .map(JdbiIntegrationRepository::fromJson)
                .orElse(Map.of()));
    }

    @Override
    public Map<String, Map<String, StoredSetting>> allSettings(OrganizationId organizationId) {
        Map<String, Map<String, StoredSetting>> all = new LinkedHashMap<>();
        handles.with(handle -> handle.createQuery("""
                        SELECT provider, settings::text AS settings FROM provider_settings
                        WHERE organization_id = :org ORDER BY provider""")
                .bind("org", organizationId.value())
                .map((rs, ctx) -> Map.entry(rs.getString("provider"), fromJson(rs.getString("settings"))))
                .list())
                .forEach(entry -> all.put(entry.getKey(), entry.getValue()));
        return all;
    }

    @Override
    public void saveSettings(OrganizationId organizationId, String provider, Map<String, StoredSetting> settings) {
        Map<String, Map<String, String>> json = new LinkedHashMap<>();
        settings.forEach((name, stored) -> json.put(name, Map.of("ciphertext", stored.ciphertext(),
                "hint", stored.hint(), "updatedAt", stored.updatedAt().toString())));
        handles.with(handle -> handle.createUpdate("""
                        INSERT INTO provider_settings (organization_id, provider, settings, updated_at)
                        VALUES (:org, :provider, CAST(:settings AS jsonb), now())
                        ON CONFLICT (organization_id, provider)
                        DO UPDATE SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at""")
                .bind("org", organizationId.value())
                .bind("provider", provider)
                .bind("settings", JsonColumns.object(json))
                .execute());
    }

    @Override
    public void saveHook(OrganizationId organizationId, String provider, String tokenHash, String tokenCiphertext,
                         Instant at) {
        handles.with(handle -> handle.createUpdate("""
                        INSERT INTO provider_hooks (organization_id, provider, token_hash, token_ciphertext, created_at)
                        VALUES (:org, :provider, :hash, :ciphertext, :at)
                        ON CONFLICT (organization_id, provider) DO UPDATE SET token_hash = EXCLUDED.token_hash,
                            token_ciphertext = EXCLUDED.token_ciphertext, created_at = EXCLUDED.created_at""")
                .bind("org", organizationId.value())
                .bind("provider", provider)
                .bind("hash", tokenHash)
                .bind("ciphertext", tokenCiphertext)
                .bind("at", at)
                .execute());
    }

    @Override
    public Optional<HookTarget> findHook(String tokenHash) {
        return handles.with(handle -> handle.createQuery(
                        "SELECT organization_id, provider FROM provider_hooks WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new HookTarget(new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        rs.getString("provider")))
                .findOne());
    }

    @Override
    public List<OrganizationId> organizationsWithHint(String provider, String setting, String hint) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT organization_id FROM provider_settings
                        WHERE provider = :provider AND settings -> :setting ->> 'hint' = :hint
                        ORDER BY organization_id""")
                .bind("provider", provider)
                .bind("setting", setting)
                .bind("hint", hint)
                .map((rs, ctx) -> new OrganizationId(rs.getObject("organization_id", UUID.class)))
                .list());
    }

    @Override
    public Map<String, String> hookTokens(OrganizationId organizationId) {
        Map<String, String> tokens = new LinkedHashMap<>();
        List<Map.Entry<String, String>> rows = handles.with(handle -> handle.createQuery(
                        "SELECT provider, token_ciphertext FROM provider_hooks WHERE organization_id = :org")
                .bind("org", organizationId.value())
                .map((rs, ctx) -> Map.entry(rs.getString("provider"), rs.getString("token_ciphertext")))
                .list());
        rows.forEach(row -> tokens.put(row.getKey(), row.getValue()));
        return tokens;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, StoredSetting> fromJson(String json) {
        Map<String, StoredSetting> settings = new LinkedHashMap<>();
        JsonColumns.object(json).forEach((name, value) -> {
            Map<String, Object> fields = (Map<String, Object>) value;
            settings.put(name, new StoredSetting((String) fields.get("ciphertext"), (String) fields.get("hint"),
                    Instant.parse((String) fields.get("updatedAt"))));
        });
        return settings;
    }
}
