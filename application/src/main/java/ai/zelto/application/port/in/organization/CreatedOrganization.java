package ai.zelto.application.port.in.organization;

import ai.zelto.application.port.in.apikey.CreatedApiKey;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;

public record CreatedOrganization(OrganizationId organizationId, UserId ownerId, CreatedApiKey firstKey) {
}
