package ai.zelto.application.port.in.people;

import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import java.util.List;

/**
 * The Members page: every member may read the list; owners and admins invite, change roles and remove, within
 * the rules of {@link Role#mayChange}. Refusals are {@link ai.zelto.domain.user.ForbiddenException}.
 */
public interface ManageMembersUseCase {
    List<Member> members(Member actor);

    /** A new member with a one-time link to set their password. */
    SetupLink invite(Member actor, String email, String displayName, Role role);

    void changeRole(Member actor, UserId target, Role role);

    /** Removes the member and ends their sessions and links; the last owner cannot be removed. */
    void remove(Member actor, UserId target);
}
