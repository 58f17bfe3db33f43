package ai.zelto.application.port.in.people;

import ai.zelto.domain.user.Member;

/**
 * A live console session.
 *
 * @param token the cookie's value (only its hash is stored)
 * @param csrfToken what every state-changing request of this session must carry
 */
public record SignedInSession(String token, Member member, String csrfToken) {
    @Override
    public String toString() {
        return "SignedInSession[" + member.id() + "]";
    }
}
