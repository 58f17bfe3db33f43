package ai.zelto.application.port.out;

import ai.zelto.application.readmodel.IntegrationStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Map;

/** Per-provider call figures of an organization. */
public interface IntegrationStatistics {
    /** Figures of every provider the org has at least one conversation from, keyed by provider id. */
    Map<String, IntegrationStatus> byProvider(OrganizationId organizationId);
}
