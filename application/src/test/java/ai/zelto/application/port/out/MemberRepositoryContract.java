package ai.zelto.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.user.Email;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link MemberRepository} does: emails unique among live people, removal hides, links by hash. */
public abstract class MemberRepositoryContract extends PortContract {
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Member member(String email, Role role) {
        return new Member(UserId.newId(), org, email == null ? null : new Email(email), "Ana", role, false, now);
    }

    private static String email() {
        return "p-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void aMember_isFoundByIdAndEmail_andListedInItsOrganization() {
        String address = email();
        Member ana = member(address, Role.ADMIN);
        assertThat(ports.members().insert(ana)).isTrue();
        assertThat(ports.members().find(ana.id())).contains(ana);
        assertThat(ports.members().findByEmail(new Email(address.toUpperCase())))
                .hasValueSatisfying(found -> {
                    assertThat(found.member()).isEqualTo(ana);
                    assertThat(found.passwordHash()).isNull();
                });
        assertThat(ports.members().list(org)).containsExactly(ana);
    }

    @Test
    void anEmail_signsInOnePersonOnly_untilThatPersonIsRemoved() {
        String address = email();
        Member first = member(address, Role.MEMBER);
        assertThat(ports.members().insert(first)).isTrue();
        assertThat(ports.members().insert(member(address, Role.VIEWER))).isFalse();
        Member other = member(email(), Role.MEMBER);
        ports.members().insert(other);
        assertThat(ports.members().setLogin(other.id(), new Email(address), "Other", "hash")).isFalse();

        ports.members().remove(first.id(), now);
        assertThat(ports.members().find(first.id())).isEmpty();
        assertThat(ports.members().list(org)).containsExactly(other);
        assertThat(ports.members().setLogin(other.id(), new Email(address), "Other", "hash")).isTrue();
        assertThat(ports.members().findByEmail(new Email(address))).hasValueSatisfying(found -> {
            assertThat(found.member().id()).isEqualTo(other.id());
            assertThat(found.member().hasPassword()).isTrue();
            assertThat(found.passwordHash()).isEqualTo("hash");
        });
    }

    @Test
    void aMemberWithoutEmail_getsOneWithTheirLogin() {
        Member owner = member(null, Role.OWNER);
        ports.members().insert(owner);
        String address = email();
        assertThat(ports.members().setLogin(owner.id(), new Email(address), "Olu", "h")).isTrue();
        assertThat(ports.members().find(owner.id())).hasValueSatisfying(found -> {
            assertThat(found.email()).isEqualTo(new Email(address));
            assertThat(found.displayName()).isEqualTo("Olu");
        });
    }

    @Test
    void roles_change() {
        Member ana = member(email(), Role.VIEWER);
        ports.members().insert(ana);
        ports.members().setRole(ana.id(), Role.ADMIN);
        assertThat(ports.members().find(ana.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void setupTokens_areFoundByHash_andDeletedTogether() {
        Member ana = member(email(), Role.MEMBER);
        ports.members().insert(ana);
        String first = "hash-" + UUID.randomUUID();
        String second = "hash-" + UUID.randomUUID();
        ports.members().insertSetupToken(first, ana.id(), "invite", now, now.plusSeconds(60));
        ports.members().insertSetupToken(second, ana.id(), "reset", now, now.plusSeconds(60));
        assertThat(ports.members().findSetupToken(first)).contains(new MemberRepository.SetupToken(ana.id(), "invite",
                now.plusSeconds(60)));
        ports.members().deleteSetupTokens(ana.id());
        assertThat(ports.members().findSetupToken(first)).isEmpty();
        assertThat(ports.members().findSetupToken(second)).isEmpty();
    }
}
