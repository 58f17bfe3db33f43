package ai.zelto.adapters.http.auth;

import ai.zelto.application.port.in.apikey.AuthenticatedKey;
import ai.zelto.domain.organization.OrganizationId;
import java.security.Principal;

/** The caller of a request: the key's org and the user the key acts as. */
public record ApiKeyPrincipal(AuthenticatedKey key) implements Principal {
    @Override
    public String getName() {
        return key.userId().toString();
    }

    public OrganizationId organizationId() {
        return key.organizationId();
    }

    /** The caller as the audit log names it. */
    public String actor() {
        return "user:" + key.userId();
    }
}
