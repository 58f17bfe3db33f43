package ai.zelto.application.service.people;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.in.people.SignInCommand;
import ai.zelto.application.port.in.people.SignInResult;
import ai.zelto.application.port.in.people.SignedInSession;
import ai.zelto.application.port.in.people.WebSessionUseCase;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInServiceTest {
    private final PeopleFixture f = new PeopleFixture();
    private final Member ana = f.member("ana@example.com", Role.MEMBER, "correct horse battery");

    private SignInResult signIn(String email, String password, String address) {
        return f.signIn.signIn(new SignInCommand(email, password, address));
    }

    private SignedInSession signedIn() {
        return ((SignInResult.SignedIn) signIn("ana@example.com", "correct horse battery", "10.0.0.1")).session();
    }

    @Test
    void theRightPassword_startsANewSession_eachTime_andIsAudited() {
        SignedInSession first = signedIn();
        SignedInSession second = signedIn();
        assertThat(first.member()).isEqualTo(ana);
        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(first.csrfToken()).isNotEqualTo(first.token());
        assertThat(f.signIn.resume(first.token())).hasValueSatisfying(s -> assertThat(s.member()).isEqualTo(ana));
        assertThat(f.actions()).containsSubsequence("user.signed_in", "user.signed_in");
    }

    @Test
    void theEmail_isMatchedWhateverItsCaseAndSpaces() {
        assertThat(signIn("  ANA@Example.com ", "correct horse battery", "10.0.0.1"))
                .isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void aWrongPasswordOrUnknownEmail_isRefusedAlike_andTheFailureOfAKnownAccountAudited() {
        assertThat(signIn("ana@example.com", "wrong", "10.0.0.1")).isInstanceOf(SignInResult.Refused.class);
        assertThat(signIn("nobody@example.com", "wrong", "10.0.0.1")).isInstanceOf(SignInResult.Refused.class);
        assertThat(signIn("not an email", "x", "10.0.0.1")).isInstanceOf(SignInResult.Refused.class);
        assertThat(signIn(null, null, null)).isInstanceOf(SignInResult.Refused.class);
        assertThat(f.actions()).containsOnlyOnce("user.sign_in_failed");
    }

    @Test
    void guessing_isThrottledPerAccount_thenAllowedAgainAfterTheWindow() {
        for (int i = 0; i < SignInService.MAX_FAILURES_PER_ACCOUNT; i++) {
            signIn("ana@example.com", "guess " + i, "10.0.0." + i);
        }
        assertThat(signIn("ana@example.com", "correct horse battery", "10.0.0.99"))
                .isInstanceOf(SignInResult.Throttled.class);
        f.clock.advance(SignInService.FAILURE_WINDOW.plusSeconds(1));
        assertThat(signIn("ana@example.com", "correct horse battery", "10.0.0.99"))
                .isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void guessing_isThrottledPerAddress_acrossAccounts() {
        for (int i = 0; i < SignInService.MAX_FAILURES_PER_ADDRESS; i++) {
            signIn("user" + i + "@example.com", "guess", "203.0.113.7");
        }
        assertThat(signIn("ana@example.com", "correct horse battery", "203.0.113.7"))
                .isInstanceOf(SignInResult.Throttled.class);
        assertThat(signIn("ana@example.com", "correct horse battery", "203.0.113.8"))
                .isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void aSession_endsAfterTwelveIdleHours() {
        SignedInSession session = signedIn();
        f.clock.advance(WebSessionUseCase.IDLE_EXPIRY.minusMinutes(1));
        assertThat(f.signIn.resume(session.token())).isPresent();
        f.clock.advance(WebSessionUseCase.IDLE_EXPIRY.minusMinutes(1));
        assertThat(f.signIn.resume(session.token())).as("used an hour ago: still live").isPresent();
        f.clock.advance(WebSessionUseCase.IDLE_EXPIRY.plusMinutes(1));
        assertThat(f.signIn.resume(session.token())).isEmpty();
    }

    @Test
    void aSession_endsSevenDaysAfterSignIn_howeverBusy() {
        SignedInSession session = signedIn();
        for (Duration spent = Duration.ZERO; spent.compareTo(WebSessionUseCase.ABSOLUTE_EXPIRY.minusHours(2)) < 0;
             spent = spent.plusHours(6)) {
            assertThat(f.signIn.resume(session.token())).isPresent();
            f.clock.advance(Duration.ofHours(6));
        }
        f.clock.advance(Duration.ofHours(6));
        assertThat(f.signIn.resume(session.token())).isEmpty();
    }

    @Test
    void signingOut_endsTheSession_andUnknownTokensFindNothing() {
        SignedInSession session = signedIn();
        f.signIn.signOut(session.token());
        assertThat(f.signIn.resume(session.token())).isEmpty();
        assertThat(f.signIn.resume("")).isEmpty();
        assertThat(f.signIn.resume(null)).isEmpty();
        assertThat(f.signIn.resume("x".repeat(5000))).isEmpty();
        f.signIn.signOut("never issued");
        assertThat(f.actions()).contains("user.signed_out");
    }

    @Test
    void aRemovedMembersSession_endsAtOnce() {
        SignedInSession session = signedIn();
        Member owner = f.member("owner@example.com", Role.OWNER, "owner password 1");
        f.people.remove(owner, ana.id());
        assertThat(f.signIn.resume(session.token())).isEmpty();
        assertThat(signIn("ana@example.com", "correct horse battery", "10.0.0.1"))
                .isInstanceOf(SignInResult.Refused.class);
    }
}
