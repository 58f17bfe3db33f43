package ai.zelto.application.port.in.credit;

import ai.zelto.application.readmodel.CreditEntry;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;

/** The organization's latest grants and charges, newest first. */
public interface CreditHistoryUseCase {
    List<CreditEntry> creditHistory(OrganizationId organizationId, int limit);
}
