package ai.zelto.app.wiring;

import ai.zelto.adapters.http.apikey.KeysResource;
import ai.zelto.adapters.http.audit.AuditResource;
import ai.zelto.adapters.http.auth.ApiKeyAuth;
import ai.zelto.app.secrets.HmacSecretHasher;
import ai.zelto.application.service.apikey.ApiKeyService;
import ai.zelto.application.service.apikey.KeyRateLimiter;
import ai.zelto.application.service.apikey.RequestAdmissionService;
import ai.zelto.application.service.organization.OrganizationService;
import ai.zelto.domain.credit.Credits;
import io.dropwizard.core.setup.Environment;

/** Who may call: organizations, API keys, admission of requests by key (with rate limits) and the audit log. */
public final class AccessWiring implements Feature {
    public final ApiKeyService apiKeys;
    public final OrganizationService organizations;
    public final RequestAdmissionService admission;
    private final Foundation base;

    AccessWiring(Foundation base) {
        this.base = base;
        this.apiKeys = new ApiKeyService(base.ports.apiKeys(), base.ports.organizations(),
                new HmacSecretHasher(base.cipher.derive("zelto/api-key-hash/v1")), base.random, base.audit,
                base.ports.unitOfWork(), base.clock);
        this.organizations = new OrganizationService(base.ports.unitOfWork(), base.ports.organizations(),
                base.ports.credits(), apiKeys, base.audit, Credits.of(base.config.getInitialCredits()), base.clock);
        this.admission = new RequestAdmissionService(apiKeys, new KeyRateLimiter(base.config.getRateLimitPerSecond(),
                base.config.getRateLimitBurst(), System::nanoTime));
    }

    @Override
    public void serve(Environment environment) {
        for (Object component : ApiKeyAuth.components(admission)) {
            environment.jersey().register(component);
        }
        environment.jersey().register(new KeysResource(apiKeys, apiKeys));
        environment.jersey().register(new AuditResource(base.audit));
    }
}
