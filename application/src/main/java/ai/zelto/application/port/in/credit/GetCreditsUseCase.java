package ai.zelto.application.port.in.credit;

import ai.zelto.application.readmodel.CreditBalance;
import ai.zelto.domain.organization.OrganizationId;

/** The organization's credit balance. */
public interface GetCreditsUseCase {
    CreditBalance getCredits(OrganizationId organizationId);
}
