package ai.zelto.application.port.in.people;

import ai.zelto.domain.user.Member;
import java.util.Optional;

/** The page behind a setup link: who it is for, and setting the login. */
public interface SetupUseCase {
    /** The person the link is for; empty when the link is unknown, used or expired. */
    Optional<Member> pending(String token);

    /** Sets email (when the link is for a person with none, else it must stay), name and password; ends the link. */
    Member complete(CompleteSetupCommand command);
}
