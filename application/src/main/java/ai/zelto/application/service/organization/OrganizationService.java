package ai.zelto.application.service.organization;

import ai.zelto.application.port.in.apikey.CreatedApiKey;
import ai.zelto.application.port.in.organization.BootstrapUseCase;
import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import ai.zelto.application.port.in.organization.CreateOrganizationUseCase;
import ai.zelto.application.port.in.organization.CreatedOrganization;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.OrganizationRepository;
import ai.zelto.application.port.out.UnitOfWork;
import ai.zelto.application.service.apikey.ApiKeyService;
import ai.zelto.application.service.audit.AuditService;
import ai.zelto.domain.apikey.ApiKeySecret;
import ai.zelto.domain.credit.Credits;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.shared.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Creates organizations: the org, its owner user, its starting credit grant and its first key, in one
 * transaction.
 */
public final class OrganizationService implements CreateOrganizationUseCase, BootstrapUseCase {
    static final int MAX_NAME_LENGTH = 200;

    private final UnitOfWork unitOfWork;
    private final OrganizationRepository organizations;
    private final CreditLedger credits;
    private final ApiKeyService keys;
    private final AuditService audit;
    private final Credits initialGrant;
    private final Clock clock;

    public OrganizationService(UnitOfWork unitOfWork, OrganizationRepository organizations, CreditLedger credits,
                               ApiKeyService keys, AuditService audit, Credits initialGrant, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.organizations = organizations;
        this.credits = credits;
        this.keys = keys;
        this.audit = audit;
        this.initialGrant = initialGrant;
        this.clock = clock;
    }

    @Override
    public CreatedOrganization create(CreateOrganizationCommand command) {
        return unitOfWork.inTransaction(() -> createInTransaction(command));
    }

    @Override
    public Optional<CreatedOrganization> bootstrapIfEmpty(CreateOrganizationCommand command) {
        return unitOfWork.inTransaction(() -> {
            organizations.lockForBootstrap();
            if (!organizations.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(createInTransaction(command));
        });
    }

    private CreatedOrganization createInTransaction(CreateOrganizationCommand command) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw ValidationException.of("name", "an organization name is 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (command.firstKey() != null && !ApiKeySecret.isWellFormed(command.firstKey())) {
            throw ValidationException.of("firstKey", "an API key is zk_ followed by at least 32 URL-safe characters");
        }
        Instant now = clock.instant();
        OrganizationId org = OrganizationId.newId();
        UserId owner = UserId.newId();
        organizations.insert(org, name, now);
        organizations.insertUser(owner, org, "Owner", "owner", now);
        audit.record(org, command.actor(), "organization.created", "organization:" + org, Map.of("name", name));
        audit.record(org, command.actor(), "user.created", "user:" + owner, Map.of("role", "owner"));
        if (initialGrant.amount() > 0) {
            credits.grant(org, initialGrant, "initial grant", now);
        }
        CreatedApiKey key = command.firstKey() == null
                ? keys.issue(org, "first key", command.actor())
                : keys.issue(org, "first key", new ApiKeySecret(command.firstKey()), command.actor());
        return new CreatedOrganization(org, owner, key);
    }
}
