package ai.zelto.application.service.people;

import ai.zelto.application.port.in.people.AdministerPeopleUseCase;
import ai.zelto.application.port.in.people.CompleteSetupCommand;
import ai.zelto.application.port.in.people.ManageMembersUseCase;
import ai.zelto.application.port.in.people.SetupLink;
import ai.zelto.application.port.in.people.SetupUseCase;
import ai.zelto.application.port.out.MemberRepository;
import ai.zelto.application.port.out.OrganizationRepository;
import ai.zelto.application.port.out.PasswordHasher;
import ai.zelto.application.port.out.UnitOfWork;
import ai.zelto.application.port.out.WebSessionRepository;
import ai.zelto.application.service.audit.AuditService;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.user.Email;
import ai.zelto.domain.user.ForbiddenException;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Passwords;
import ai.zelto.domain.user.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People and their setup links. A setup link sets a person's password (and their email, for an owner made at
 * first start who has none); it works once, for {@link #SETUP_VALIDITY} (first owner, password resets) or
 * {@link #INVITE_VALIDITY} (invitations, which people may open days later). Setting a password ends the person's
 * other sessions and links. Every change is audited.
 */
public final class PeopleService implements SetupUseCase, ManageMembersUseCase, AdministerPeopleUseCase {
    public static final Duration SETUP_VALIDITY = Duration.ofHours(24);
    public static final Duration INVITE_VALIDITY = Duration.ofDays(7);

    private final UnitOfWork unitOfWork;
    private final MemberRepository members;
    private final WebSessionRepository sessions;
    private final OrganizationRepository organizations;
    private final PasswordHasher passwords;
    private final AuditService audit;
    private final Tokens tokens;
    private final Clock clock;

    public PeopleService(UnitOfWork unitOfWork, MemberRepository members, WebSessionRepository sessions,
                         OrganizationRepository organizations, PasswordHasher passwords, AuditService audit,
                         SecureRandom random, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.members = members;
        this.sessions = sessions;
        this.organizations = organizations;
        this.passwords = passwords;
        this.audit = audit;
        this.tokens = new Tokens(random);
        this.clock = clock;
    }

    @Override
    public Optional<Member> pending(String token) {
        return validToken(token).flatMap(setup -> members.find(setup.userId()));
    }

    @Override
    public Member complete(CompleteSetupCommand command) {
        Member member = pending(command.token()).orElseThrow(() -> ValidationException.of("token",
                "this setup link is unknown, used or expired: ask for a new one"));
        Email email = member.email() != null ? member.email() : Email.of(command.email());
        String name = displayName(command.displayName(), member.displayName());
        Passwords.check("password", command.password());
        String hash = passwords.hash(command.password());
        return unitOfWork.inTransaction(() -> {
            if (!members.setLogin(member.id(), email, name, hash)) {
                throw ValidationException.of("email", "another person already signs in with this email");
            }
            members.deleteSetupTokens(member.id());
            sessions.deleteAllOf(member.id());
            audit.record(member.organizationId(), "user:" + member.id(), "user.password_set", "user:" + member.id(),
                    Map.of("email", email.value()));
            return members.find(member.id()).orElseThrow();
        });
    }

    @Override
    public List<Member> members(Member actor) {
        return members.list(actor.organizationId());
    }

    @Override
    public SetupLink invite(Member actor, String email, String displayName, Role role) {
        if (!actor.role().canManage() || !actor.role().mayChange(Role.MEMBER, Optional.of(role))) {
            throw new ForbiddenException("Only owners and admins invite people, and only owners invite owners");
        }
        return unitOfWork.inTransaction(() -> newMember(actor.organizationId(), Email.of(email),
                displayName(displayName, null), role, INVITE_VALIDITY, "user:" + actor.id()));
    }

    @Override
    public void changeRole(Member actor, UserId target, Role role) {
        unitOfWork.inTransaction(() -> {
            Member member = sameOrganization(actor, target);
            if (!actor.role().mayChange(member.role(), Optional.of(role))) {
                throw new ForbiddenException("Your role cannot give this member that role");
            }
            if (member.role() == Role.OWNER && role != Role.OWNER && owners(actor.organizationId()) == 1) {
                throw ValidationException.of("role", "an organization keeps at least one owner");
            }
            members.setRole(target, role);
            audit.record(actor.organizationId(), "user:" + actor.id(), "user.role_changed", "user:" + target,
                    Map.of("from", member.role().wireName(), "to", role.wireName()));
            return null;
        });
    }

    @Override
    public void remove(Member actor, UserId target) {
        unitOfWork.inTransaction(() -> {
            Member member = sameOrganization(actor, target);
            if (!actor.role().mayChange(member.role(), Optional.empty())) {
                throw new ForbiddenException("Your role cannot remove this member");
            }
            if (member.role() == Role.OWNER && owners(actor.organizationId()) == 1) {
                throw ValidationException.of("member", "an organization keeps at least one owner");
            }
            members.remove(target, clock.instant());
            members.deleteSetupTokens(target);
            sessions.deleteAllOf(target);
            audit.record(actor.organizationId(), "user:" + actor.id(), "user.removed", "user:" + target,
                    Map.of("role", member.role().wireName()));
            return null;
        });
    }

    @Override
    public SetupLink createUser(OrganizationId organizationId, String email, Role role, String actor) {
        if (!organizations.exists(organizationId)) {
            throw ValidationException.of("org", "no organization has this id");
        }
        return unitOfWork.inTransaction(() -> newMember(organizationId, Email.of(email), null, role, SETUP_VALIDITY,
                actor));
    }

    @Override
    public SetupLink resetPassword(String email, String actor) {
        Member member = members.findByEmail(Email.of(email)).map(MemberRepository.Credentials::member)
                .orElseThrow(() -> ValidationException.of("email", "nobody signs in with this email"));
        SetupLink link = unitOfWork.inTransaction(() -> link(member, SETUP_VALIDITY, "reset"));
        audit.record(member.organizationId(), actor, "user.password_reset_link", "user:" + member.id(), Map.of());
        return link;
    }

    @Override
    public Optional<SetupLink> prepareFirstOwner(String email, String password) {
        return unitOfWork.inTransaction(() -> {
            organizations.lockForBootstrap();
            if (members.anyoneCanSignIn() || organizations.all().isEmpty()) {
                return Optional.empty();
            }
            OrganizationId first = organizations.all().get(0);
            Member owner = members.find(organizations.owner(first)).orElseThrow();
            if (email != null && password != null) {
                Email login = Email.of(email);
                Passwords.check("ZELTO_BOOTSTRAP_OWNER_PASSWORD", password);
                if (!members.setLogin(owner.id(), login, owner.displayName(), passwords.hash(password))) {
                    throw ValidationException.of("ZELTO_BOOTSTRAP_OWNER_EMAIL", "another person signs in with it");
                }
                audit.record(first, "bootstrap", "user.password_set", "user:" + owner.id(),
                        Map.of("email", login.value()));
                return Optional.empty();
            }
            members.deleteSetupTokens(owner.id());
            return Optional.of(link(owner, SETUP_VALIDITY, "setup"));
        });
    }

    private SetupLink newMember(OrganizationId organizationId, Email email, String displayName, Role role,
                                Duration validity, String actor) {
        Member member = new Member(UserId.newId(), organizationId, email,
                displayName == null ? email.value().substring(0, email.value().indexOf('@')) : displayName, role,
                false, clock.instant());
        if (!members.insert(member)) {
            throw ValidationException.of("email", "another person already signs in with this email");
        }
        audit.record(organizationId, actor, "user.created", "user:" + member.id(),
                Map.of("role", role.wireName(), "email", email.value()));
        return link(member, validity, "invite");
    }

    private SetupLink link(Member member, Duration validity, String purpose) {
        String token = tokens.next();
        Instant now = clock.instant();
        members.insertSetupToken(Tokens.hash(token), member.id(), purpose, now, now.plus(validity));
        return new SetupLink(token, member, now.plus(validity));
    }

    private Optional<MemberRepository.SetupToken> validToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return members.findSetupToken(Tokens.hash(token)).filter(setup -> setup.expiresAt().isAfter(clock.instant()));
    }

    private Member sameOrganization(Member actor, UserId target) {
        return members.find(target).filter(member -> member.organizationId().equals(actor.organizationId()))
                .orElseThrow(() -> ValidationException.of("member", "no member of your organization has this id"));
    }

    private long owners(OrganizationId organizationId) {
        return members.list(organizationId).stream().filter(member -> member.role() == Role.OWNER).count();
    }

    private static String displayName(String typed, String otherwise) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            if (otherwise != null) {
                return otherwise;
            }
            return null;
        }
        if (name.length() > Member.MAX_NAME_LENGTH) {
            throw ValidationException.of("displayName", "a name is at most " + Member.MAX_NAME_LENGTH + " characters");
        }
        return name;
    }
}
