package ai.zelto.application.service.apikey;

import ai.zelto.application.port.in.apikey.AuthenticateApiKeyUseCase;
import ai.zelto.application.port.in.apikey.AuthenticatedKey;
import ai.zelto.application.port.in.apikey.CreateApiKeyCommand;
import ai.zelto.application.port.in.apikey.CreateApiKeyUseCase;
import ai.zelto.application.port.in.apikey.CreatedApiKey;
import ai.zelto.application.port.in.apikey.ManageApiKeysUseCase;
import ai.zelto.application.port.out.ApiKeyRepository;
import ai.zelto.application.port.out.OrganizationRepository;
import ai.zelto.application.port.out.SecretHasher;
import ai.zelto.application.port.out.UnitOfWork;
import ai.zelto.application.service.audit.AuditService;
import ai.zelto.domain.apikey.ApiKey;
import ai.zelto.domain.apikey.ApiKeyId;
import ai.zelto.domain.apikey.ApiKeySecret;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.shared.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates keys and authenticates presented ones. A key is found by the hash of its secret (an index lookup);
 * its last-used time is written at most once a minute per key, so authentication does not write on every
 * request.
 *
 * <p>A key found valid is trusted again without a lookup for {@link #KEY_CACHE_TTL}. A revocation therefore
 * takes effect at once on the copy of the app that made it and within that time on every other copy; a key
 * that is unknown or revoked is never cached, so guessing costs a lookup each time.
 */
public final class ApiKeyService implements AuthenticateApiKeyUseCase, CreateApiKeyUseCase, ManageApiKeysUseCase {
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    /** How long a key found valid is trusted without looking it up again. */
    public static final Duration KEY_CACHE_TTL = Duration.ofMillis(500);
    private static final int KEY_CACHE_MAX = 10_000;

    private final ApiKeyRepository keys;
    private final OrganizationRepository organizations;
    private final SecretHasher hasher;
    private final SecureRandom random;
    private final AuditService audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final ConcurrentHashMap<ApiKeyId, Instant> lastUseWritten = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Trusted> recentlyValid = new ConcurrentHashMap<>();

    /** A key found valid, and when ({@link System#nanoTime()}). */
    private record Trusted(AuthenticatedKey key, long foundAtNanos) {
        boolean fresh(long now) {
            return now - foundAtNanos < KEY_CACHE_TTL.toNanos();
        }
    }

    public ApiKeyService(ApiKeyRepository keys, OrganizationRepository organizations, SecretHasher hasher,
                         SecureRandom random, AuditService audit, UnitOfWork unitOfWork, Clock clock) {
        this.keys = keys;
        this.organizations = organizations;
        this.hasher = hasher;
        this.random = random;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Optional<AuthenticatedKey> authenticate(String presentedKey) {
        if (!ApiKeySecret.isWellFormed(presentedKey)) {
            return Optional.empty();
        }
        ApiKeySecret secret = new ApiKeySecret(presentedKey);
        String hash = hasher.hash(secret);
        long now = System.nanoTime();
        Trusted trusted = recentlyValid.get(hash);
        if (trusted != null && trusted.fresh(now)) {
            recordUse(trusted.key().keyId());
            return Optional.of(trusted.key());
        }
        Optional<ApiKey> found = keys.findByHash(hash);
        if (found.isEmpty()) {
            for (String legacy : hasher.legacyHashes(secret)) {
                found = keys.findByHash(legacy);
                if (found.isPresent()) {
                    keys.rehash(found.get().id(), hash);
                    break;
                }
            }
        }
        if (found.isEmpty() || found.get().isRevoked()) {
            recentlyValid.remove(hash);
            return Optional.empty();
        }
        ApiKey key = found.get();
        recordUse(key.id());
        AuthenticatedKey authenticated = new AuthenticatedKey(key.id(), key.organizationId(), key.userId());
        if (recentlyValid.size() >= KEY_CACHE_MAX) {
            recentlyValid.values().removeIf(entry -> !entry.fresh(now));
        }
        if (recentlyValid.size() < KEY_CACHE_MAX) {
            recentlyValid.put(hash, new Trusted(authenticated, now));
        }
        return Optional.of(authenticated);
    }

    private void recordUse(ApiKeyId id) {
        Instant now = clock.instant();
        Instant written = lastUseWritten.get(id);
        if (written == null || written.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            lastUseWritten.put(id, now);
            keys.recordUse(id, now);
        }
    }

    @Override
    public CreatedApiKey create(CreateApiKeyCommand command) {
        OrganizationId org = command.organizationId() != null ? command.organizationId() : onlyOrganization();
        if (!organizations.exists(org)) {
            throw ValidationException.of("org", "no organization has the id " + org);
        }
        return unitOfWork.inTransaction(() -> issue(org, command.name(), command.actor()));
    }

    @Override
    public java.util.List<ApiKey> listKeys(OrganizationId organizationId) {
        return keys.list(organizationId);
    }

    @Override
    public boolean revokeKey(OrganizationId organizationId, ApiKeyId id, String actor) {
        boolean revoked = unitOfWork.inTransaction(() -> {
            boolean done = keys.revoke(organizationId, id, clock.instant());
            if (done) {
                audit.record(organizationId, actor, "api_key.revoked", "api_key:" + id, java.util.Map.of());
            }
            return done;
        });
        if (revoked) {
            // after the commit: a lookup made before it could otherwise trust the key again
            lastUseWritten.remove(id);
            recentlyValid.values().removeIf(entry -> entry.key().keyId().equals(id));
        }
        return revoked;
    }

    /** Creates a random key for the org's owner, inside the caller's transaction if there is one. */
    public CreatedApiKey issue(OrganizationId org, String name, String actor) {
        return issue(org, name, ApiKeySecret.generate(random), actor);
    }

    /** Creates a key with a chosen secret (for automation) for the org's owner, and audits it. */
    public CreatedApiKey issue(OrganizationId org, String name, ApiKeySecret secret, String actor) {
        String validName;
        try {
            validName = ApiKey.validName(name);
        } catch (IllegalArgumentException invalid) {
            throw ValidationException.of("name", invalid.getMessage());
        }
        ApiKey key = new ApiKey(ApiKeyId.newId(), org, organizations.owner(org), validName, secret.displayPrefix(),
                clock.instant(), null, null);
        keys.insert(key, hasher.hash(secret));
        audit.record(org, actor, "api_key.created", "api_key:" + key.id(),
                java.util.Map.of("name", key.name(), "prefix", key.displayPrefix()));
        return new CreatedApiKey(key, secret);
    }

    private OrganizationId onlyOrganization() {
        List<OrganizationId> all = organizations.all();
        if (all.size() != 1) {
            throw ValidationException.of("org", all.isEmpty() ? "there is no organization yet"
                    : "there are " + all.size() + " organizations; name one with --org");
        }
        return all.get(0);
    }
}
