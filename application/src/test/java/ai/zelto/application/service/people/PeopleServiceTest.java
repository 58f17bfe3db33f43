package ai.zelto.application.service.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.port.in.people.CompleteSetupCommand;
import ai.zelto.application.port.in.people.SetupLink;
import ai.zelto.application.port.in.people.SignInCommand;
import ai.zelto.application.port.in.people.SignInResult;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.user.Email;
import ai.zelto.domain.user.ForbiddenException;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PeopleServiceTest {
    private final PeopleFixture f = new PeopleFixture();

    private boolean canSignIn(String email, String password) {
        return f.signIn.signIn(new SignInCommand(email, password, "10.0.0.1")) instanceof SignInResult.SignedIn;
    }

    @Test
    void theFirstOwner_getsASetupLink_thatSetsEmailAndPassword_once() {
        SetupLink link = f.people.prepareFirstOwner(null, null).orElseThrow();
        assertThat(link.member().role()).isEqualTo(Role.OWNER);
        assertThat(link.path()).startsWith("/setup/");
        assertThat(f.people.pending(link.token())).isPresent();

        Member owner = f.people.complete(new CompleteSetupCommand(link.token(), " Olu@Example.com ", "Olu",
                "a long enough password"));
        assertThat(owner.email()).isEqualTo(new Email("olu@example.com"));
        assertThat(owner.displayName()).isEqualTo("Olu");
        assertThat(canSignIn("olu@example.com", "a long enough password")).isTrue();
        assertThat(f.people.pending(link.token())).as("used").isEmpty();
        assertThatThrownBy(() -> f.people.complete(new CompleteSetupCommand(link.token(), null, null,
                "another password 1"))).isInstanceOf(ValidationException.class);
        assertThat(f.people.prepareFirstOwner(null, null)).as("somebody can sign in now").isEmpty();
    }

    @Test
    void theFirstOwner_canBeGivenALogin_withoutALink() {
        assertThat(f.people.prepareFirstOwner("root@example.com", "bootstrap password")).isEmpty();
        assertThat(canSignIn("root@example.com", "bootstrap password")).isTrue();
        assertThatThrownBy(() -> new PeopleFixture().people.prepareFirstOwner("root@example.com", "short"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aSetupLink_expiresAfterADay() {
        SetupLink link = f.people.prepareFirstOwner(null, null).orElseThrow();
        f.clock.advance(PeopleService.SETUP_VALIDITY.plusSeconds(1));
        assertThat(f.people.pending(link.token())).isEmpty();
        assertThat(f.people.pending("made-up")).isEmpty();
        assertThat(f.people.pending(null)).isEmpty();
    }

    @Test
    void setup_checksThePassword_andKeepsAnEmailThePersonHas() {
        Member owner = f.member("owner@example.com", Role.OWNER, "owner password 1");
        SetupLink invite = f.people.invite(owner, "bo@example.com", "", Role.VIEWER);
        assertThat(invite.member().displayName()).as("from the email when none is given").isEqualTo("bo");
        assertThatThrownBy(() -> f.people.complete(new CompleteSetupCommand(invite.token(), null, "Bo", "short")))
                .isInstanceOfSatisfying(ValidationException.class,
                        invalid -> assertThat(invalid.details()).containsKey("password"));
        Member bo = f.people.complete(new CompleteSetupCommand(invite.token(), "other@example.com", "Bo",
                "ten chars!!"));
        assertThat(bo.email()).isEqualTo(new Email("bo@example.com"));
        assertThat(canSignIn("bo@example.com", "ten chars!!")).isTrue();
    }

    @Test
    void anInvitation_isValidForAWeek() {
        Member owner = f.member("owner@example.com", Role.OWNER, "owner password 1");
        SetupLink invite = f.people.invite(owner, "bo@example.com", "Bo", Role.MEMBER);
        f.clock.advance(Duration.ofDays(6));
        assertThat(f.people.pending(invite.token())).isPresent();
        f.clock.advance(Duration.ofDays(2));
        assertThat(f.people.pending(invite.token())).isEmpty();
    }

    @Test
    void onlyOwnersAndAdmins_invite_andOnlyOwnersMakeOwners() {
        Member owner = f.member("owner@example.com", Role.OWNER, "owner password 1");
        Member admin = f.member("admin@example.com", Role.ADMIN, "admin password 1");
        Member member = f.member("member@example.com", Role.MEMBER, "member password");
        Member viewer = f.member("viewer@example.com", Role.VIEWER, "viewer password");
        assertThat(f.people.invite(admin, "a@example.com", "A", Role.ADMIN).member().role()).isEqualTo(Role.ADMIN);
        assertThat(f.people.invite(owner, "b@example.com", "B", Role.OWNER).member().role()).isEqualTo(Role.OWNER);
        assertThatThrownBy(() -> f.people.invite(admin, "c@example.com", "C", Role.OWNER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.people.invite(member, "d@example.com", "D", Role.VIEWER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.people.invite(viewer, "e@example.com", "E", Role.VIEWER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.people.invite(owner, "admin@example.com", "Again", Role.VIEWER))
                .isInstanceOfSatisfying(ValidationException.class,
                        invalid -> assertThat(invalid.details()).containsKey("email"));
        assertThat(f.actions()).contains("user.created");
    }

    @Test
    void roles_changeWithinTheRules_andAnOrganizationKeepsAnOwner() {
        Member admin = f.member("admin@example.com", Role.ADMIN, "admin password 1");
        Member member = f.member("member@example.com", Role.MEMBER, "member password");
        Member firstOwner = f.members.find(f.organizations.owner(f.org)).orElseThrow();
        f.people.changeRole(admin, member.id(), Role.VIEWER);
        assertThat(f.members.find(member.id()).orElseThrow().role()).isEqualTo(Role.VIEWER);
        assertThatThrownBy(() -> f.people.changeRole(admin, member.id(), Role.OWNER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.people.changeRole(admin, firstOwner.id(), Role.MEMBER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.people.changeRole(firstOwner, firstOwner.id(), Role.ADMIN))
                .as("the last owner").isInstanceOf(ValidationException.class);
        Member viewer = f.members.find(member.id()).orElseThrow();
        assertThatThrownBy(() -> f.people.changeRole(viewer, admin.id(), Role.VIEWER))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.actions()).contains("user.role_changed");
    }

    @Test
    void removing_isForOwnersAndAdmins_neverTheLastOwner_andNeverAcrossOrganizations() {
        Member admin = f.member("admin@example.com", Role.ADMIN, "admin password 1");
        Member member = f.member("member@example.com", Role.MEMBER, "member password");
        Member firstOwner = f.members.find(f.organizations.owner(f.org)).orElseThrow();
        assertThatThrownBy(() -> f.people.remove(member, admin.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.people.remove(admin, firstOwner.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.people.remove(firstOwner, firstOwner.id())).isInstanceOf(ValidationException.class);

        OrganizationId elsewhere = f.organizations.create();
        Member stranger = f.members.find(f.organizations.owner(elsewhere)).orElseThrow();
        assertThatThrownBy(() -> f.people.remove(admin, stranger.id())).isInstanceOf(ValidationException.class);

        f.people.remove(admin, member.id());
        assertThat(f.people.members(admin)).extracting(Member::id).doesNotContain(member.id());
        assertThat(canSignIn("member@example.com", "member password")).isFalse();
        assertThat(f.actions()).contains("user.removed");
    }

    @Test
    void aPasswordReset_givesANewLink_andTheOldPasswordWorksUntilItIsUsed() {
        f.member("ana@example.com", Role.MEMBER, "old password 1");
        SetupLink reset = f.people.resetPassword("ANA@example.com", "cli");
        assertThat(canSignIn("ana@example.com", "old password 1")).isTrue();
        f.people.complete(new CompleteSetupCommand(reset.token(), null, null, "new password 1"));
        assertThat(canSignIn("ana@example.com", "old password 1")).isFalse();
        assertThat(canSignIn("ana@example.com", "new password 1")).isTrue();
        assertThatThrownBy(() -> f.people.resetPassword("nobody@example.com", "cli"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void createUser_needsAnOrganizationThatExists() {
        assertThatThrownBy(() -> f.people.createUser(OrganizationId.newId(),
                "x@example.com", Role.MEMBER, "cli")).isInstanceOf(ValidationException.class);
        assertThat(f.people.createUser(f.org, "x@example.com", Role.MEMBER, "cli").member().hasPassword()).isFalse();
    }
}
