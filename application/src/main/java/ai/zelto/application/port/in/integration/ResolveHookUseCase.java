package ai.zelto.application.port.in.integration;

import ai.zelto.domain.organization.OrganizationId;
import java.util.Optional;

/** The organization a hook URL belongs to; empty when the token is unknown or belongs to another provider. */
public interface ResolveHookUseCase {
    Optional<OrganizationId> resolveHook(String provider, String token);
}
