package ai.zelto.application.port.in.apikey;

import ai.zelto.domain.apikey.ApiKeyId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;

/** Who a valid key acts for. */
public record AuthenticatedKey(ApiKeyId keyId, OrganizationId organizationId, UserId userId) {
}
