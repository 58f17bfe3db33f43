package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.MemberRepository;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.user.Email;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbiMemberRepository implements MemberRepository {
    private final Handles handles;

    JdbiMemberRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public boolean insert(Member member) {
        return handles.dao(MemberDao.class, d -> d.insert(member.id().value(), member.organizationId().value(),
                member.email() == null ? null : member.email().value(), member.displayName(),
                member.role().wireName(), member.createdAt())) == 1;
    }

    @Override
    public Optional<Member> find(UserId id) {
        return handles.dao(MemberDao.class, d -> d.find(id.value()));
    }

    @Override
    public Optional<Credentials> findByEmail(Email email) {
        return handles.dao(MemberDao.class, d -> d.findByEmail(email.value())
                .map(member -> new Credentials(member, d.passwordHash(member.id().value()).orElse(null))));
    }

    @Override
    public List<Member> list(OrganizationId organizationId) {
        return handles.dao(MemberDao.class, d -> d.list(organizationId.value()));
    }

    @Override
    public boolean setLogin(UserId id, Email email, String displayName, String passwordHash) {
        return handles.dao(MemberDao.class, d -> d.setLogin(id.value(), email.value(), displayName, passwordHash)) == 1;
    }

    @Override
    public void setRole(UserId id, Role role) {
        handles.use(MemberDao.class, d -> d.setRole(id.value(), role.wireName()));
    }

    @Override
    public void remove(UserId id, Instant at) {
        handles.use(MemberDao.class, d -> d.remove(id.value(), at));
    }

    @Override
    public boolean anyoneCanSignIn() {
        return handles.dao(MemberDao.class, MemberDao::anyoneCanSignIn);
    }

    @Override
    public void insertSetupToken(String tokenHash, UserId userId, String purpose, Instant createdAt,
                                 Instant expiresAt) {
        handles.use(MemberDao.class, d -> d.insertSetupToken(tokenHash, userId.value(), purpose, createdAt, expiresAt));
    }

    @Override
    public Optional<SetupToken> findSetupToken(String tokenHash) {
        return handles.dao(MemberDao.class, d -> d.findSetupToken(tokenHash));
    }

    @Override
    public void deleteSetupTokens(UserId userId) {
        handles.use(MemberDao.class, d -> d.deleteSetupTokens(userId.value()));
    }
}
