package ai.zelto.application.port.out;

import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.user.Email;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** People and setup links in memory, with the database's rules: one live person per email, removed ones hidden. */
public final class InMemoryMembers implements MemberRepository, InMemoryStore.Part {
    private record Row(Member member, String passwordHash, Instant removedAt) {
        boolean live() {
            return removedAt == null;
        }
    }

    private record State(Map<UserId, Row> rows, Map<String, SetupToken> tokens) {
    }

    private Map<UserId, Row> rows = new LinkedHashMap<>();
    private Map<String, SetupToken> tokens = new LinkedHashMap<>();

    public InMemoryMembers(InMemoryStore store) {
        store.register(this);
    }

    @Override
    public boolean insert(Member member) {
        if (member.email() != null && taken(member.email(), member.id())) {
            return false;
        }
        rows.put(member.id(), new Row(member, null, null));
        return true;
    }

    @Override
    public Optional<Member> find(UserId id) {
        return Optional.ofNullable(rows.get(id)).filter(Row::live).map(Row::member);
    }

    @Override
    public Optional<Credentials> findByEmail(Email email) {
        return rows.values().stream().filter(row -> row.live() && email.equals(row.member().email())).findFirst()
                .map(row -> new Credentials(row.member(), row.passwordHash()));
    }

    @Override
    public List<Member> list(OrganizationId organizationId) {
        return rows.values().stream().filter(row -> row.live() && row.member().organizationId().equals(organizationId))
                .map(Row::member).sorted(Comparator.comparing(Member::createdAt)).toList();
    }

    @Override
    public boolean setLogin(UserId id, Email email, String displayName, String passwordHash) {
        Row row = rows.get(id);
        if (row == null || !row.live() || taken(email, id)) {
            return false;
        }
        Member m = row.member();
        rows.put(id, new Row(new Member(id, m.organizationId(), email, displayName, m.role(), true, m.createdAt()),
                passwordHash, null));
        return true;
    }

    @Override
    public void setRole(UserId id, Role role) {
        Row row = rows.get(id);
        Member m = row.member();
        rows.put(id, new Row(new Member(id, m.organizationId(), m.email(), m.displayName(), role, m.hasPassword(),
                m.createdAt()), row.passwordHash(), row.removedAt()));
    }

    @Override
    public void remove(UserId id, Instant at) {
        Row row = rows.get(id);
        rows.put(id, new Row(row.member(), row.passwordHash(), at));
    }

    @Override
    public boolean anyoneCanSignIn() {
        return rows.values().stream().anyMatch(row -> row.live() && row.passwordHash() != null);
    }

    @Override
    public void insertSetupToken(String tokenHash, UserId userId, String purpose, Instant createdAt,
                                 Instant expiresAt) {
        tokens.put(tokenHash, new SetupToken(userId, purpose, expiresAt));
    }

    @Override
    public Optional<SetupToken> findSetupToken(String tokenHash) {
        return Optional.ofNullable(tokens.get(tokenHash));
    }

    @Override
    public void deleteSetupTokens(UserId userId) {
        tokens.values().removeIf(token -> token.userId().equals(userId));
    }

    private boolean taken(Email email, UserId except) {
        return rows.values().stream().anyMatch(row -> row.live() && email.equals(row.member().email())
                && !row.member().id().equals(except));
    }

    @Override
    public Object snapshot() {
        return new State(new LinkedHashMap<>(rows), new LinkedHashMap<>(tokens));
    }

    @Override
    public void restore(Object snapshot) {
        State state = (State) snapshot;
        rows = new LinkedHashMap<>(state.rows());
        tokens = new LinkedHashMap<>(state.tokens());
    }
}
