package ai.zelto.application.port.in.people;

import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.user.Role;
import java.util.Optional;

/** What the operator does from the command line and at first start, outside any session. */
public interface AdministerPeopleUseCase {
    SetupLink createUser(OrganizationId organizationId, String email, Role role, String actor);

    /** A new setup link for the person with this email; their password works until they use it. */
    SetupLink resetPassword(String email, String actor);

    /**
     * When nobody can sign in yet (a fresh install, or one from before the console): with both an email and a
     * password, gives the first organization's owner that login and returns empty; without, returns a setup link
     * for that owner. Empty also when somebody can already sign in.
     */
    Optional<SetupLink> prepareFirstOwner(String email, String password);
}
