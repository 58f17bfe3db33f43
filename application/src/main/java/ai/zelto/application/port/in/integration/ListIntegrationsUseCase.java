package ai.zelto.application.port.in.integration;

import ai.zelto.application.readmodel.IntegrationStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;

/** One status per installed provider plugin, in id order. */
public interface ListIntegrationsUseCase {
    List<IntegrationStatus> listIntegrations(OrganizationId organizationId);
}
