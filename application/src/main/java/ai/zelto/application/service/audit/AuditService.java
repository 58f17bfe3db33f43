package ai.zelto.application.service.audit;

import ai.zelto.application.port.in.audit.ListAuditUseCase;
import ai.zelto.application.port.in.audit.VerifyAuditUseCase;
import ai.zelto.application.port.out.AuditLog;
import ai.zelto.domain.audit.AuditChain;
import ai.zelto.domain.audit.AuditEntry;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records security-relevant actions and reads and verifies the log. */
public final class AuditService implements ListAuditUseCase, VerifyAuditUseCase {
    private final AuditLog log;
    private final Clock clock;

    public AuditService(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Appends an entry stamped now, inside the caller's transaction. */
    public void record(OrganizationId organizationId, String actor, String action, String target,
                       Map<String, String> details) {
        log.append(new AuditEntry(organizationId, clock.instant(), actor, action, target, details));
    }

    @Override
    public List<AuditChain.Link> listAudit(OrganizationId organizationId, int limit) {
        return log.list(organizationId, limit);
    }

    @Override
    public Optional<String> verifyAudit() {
        return AuditChain.verify(log.all(), log.head().orElse(null));
    }

    @Override
    public long auditEntries() {
        return log.all().size();
    }
}
