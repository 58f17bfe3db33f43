package ai.zelto.application.port.in.audit;

import ai.zelto.domain.audit.AuditChain;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;

/** The organization's audit entries, newest first. */
public interface ListAuditUseCase {
    List<AuditChain.Link> listAudit(OrganizationId organizationId, int limit);
}
