package ai.zelto.app.wiring;

import ai.zelto.adapters.persistence.JdbiPersistence;
import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.app.secrets.AesGcmSecretCipher;
import ai.zelto.application.provider.ProviderRegistry;
import ai.zelto.application.service.audit.AuditService;
import ai.zelto.domain.credit.Pricing;
import java.security.SecureRandom;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * What every feature's wiring builds on: the settings, the clock, the persistence ports on one database, the
 * provider plugins, the secrets cipher (checked against the database: every copy must share the key), the audit
 * trail and the price of a call.
 */
public final class Foundation {
    public final ZeltoConfiguration config;
    public final Clock clock;
    public final JdbiPersistence.Ports ports;
    public final ProviderRegistry providers;
    public final AesGcmSecretCipher cipher;
    public final AuditService audit;
    public final Pricing pricing;
    public final SecureRandom random = new SecureRandom();

    public Foundation(ZeltoConfiguration config, Jdbi jdbi, ProviderRegistry providers, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.ports = JdbiPersistence.create(jdbi, clock);
        this.providers = providers;
        this.cipher = AesGcmSecretCipher.fromConfiguration(config.getSecretsKey(), config.dataDirectory());
        cipher.verifyAgainst(ports.systemValues());
        this.audit = new AuditService(ports.audit(), clock);
        this.pricing = new Pricing(config.getCreditsPerStartedMinute());
    }
}
