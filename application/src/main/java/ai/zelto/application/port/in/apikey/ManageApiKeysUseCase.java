package ai.zelto.application.port.in.apikey;

import ai.zelto.domain.apikey.ApiKey;
import ai.zelto.domain.apikey.ApiKeyId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;

/** Listing and revoking an organization's keys. A revoked key fails its very next request, on every app copy. */
public interface ManageApiKeysUseCase {
    List<ApiKey> listKeys(OrganizationId organizationId);

    /**
     * @return false when the organization has no active key with that id (another org's key is "no such key")
     */
    boolean revokeKey(OrganizationId organizationId, ApiKeyId id, String actor);
}
