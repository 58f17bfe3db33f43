package ai.zelto.application.port.in.integration;

import ai.zelto.domain.organization.OrganizationId;
import java.util.Map;

/** Creates, or rotates, the organization's header-free webhook URL for a provider. */
public interface CreateHookUseCase {
    /**
     * A hook just created.
     *
     * @param url     absolute when a public base URL is configured, else the path
     * @param details what else the provider's side needs, such as WhatsApp's {@code verifyToken}; usually empty
     */
    record CreatedHook(String url, Map<String, String> details) {
        public CreatedHook {
            details = Map.copyOf(details);
        }
    }

    CreatedHook createHook(OrganizationId organizationId, String provider, String actor);
}
