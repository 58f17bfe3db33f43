package ai.zelto.application.service.people;

import ai.zelto.application.port.out.AuditLog;
import ai.zelto.application.port.out.InMemoryMembers;
import ai.zelto.application.port.out.InMemoryStore;
import ai.zelto.application.port.out.InMemoryWebSessions;
import ai.zelto.application.port.out.OrganizationRepository;
import ai.zelto.application.port.out.PasswordHasher;
import ai.zelto.application.service.audit.AuditService;
import ai.zelto.domain.audit.AuditChain;
import ai.zelto.domain.audit.AuditEntry;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** People services on in-memory fakes, a clock the test moves, and an audit log it can read. */
final class PeopleFixture {
    final MovableClock clock = new MovableClock(Instant.parse("2026-05-01T10:00:00Z"));
    final InMemoryStore store = new InMemoryStore();
    final InMemoryMembers members = new InMemoryMembers(store);
    final InMemoryWebSessions sessions = new InMemoryWebSessions(store);
    final Organizations organizations = new Organizations();
    final List<AuditEntry> audit = new ArrayList<>();
    final AuditService auditService = new AuditService(new AuditLog() {
        @Override
        public void append(AuditEntry entry) {
            audit.add(entry);
        }

        @Override
        public List<AuditChain.Link> list(OrganizationId organizationId, int limit) {
            return List.of();
        }

        @Override
        public List<AuditChain.Link> all() {
            return List.of();
        }

        @Override
        public Optional<String> head() {
            return Optional.empty();
        }
    }, clock);
    /** Not Argon2: the services' rules do not depend on the hash, and this keeps the tests fast. */
    final PasswordHasher passwords = new PasswordHasher() {
        @Override
        public String hash(String password) {
            return "hashed:" + password;
        }

        @Override
        public boolean verify(String password, String hash) {
            return hash.equals("hashed:" + password);
        }
    };
    final SecureRandom random = new SecureRandom();
    final PeopleService people = new PeopleService(store, members, sessions, organizations, passwords, auditService,
            random, clock);
    final SignInService signIn = new SignInService(members, sessions, passwords, auditService, random, clock);
    final OrganizationId org = organizations.create();

    /** A member of the fixture's organization who can sign in with {@code password}. */
    Member member(String email, Role role, String password) {
        Member member = people.createUser(org, email, role, "test").member();
        members.setLogin(member.id(), member.email(), member.displayName(), passwords.hash(password));
        return members.find(member.id()).orElseThrow();
    }

    List<String> actions() {
        return audit.stream().map(AuditEntry::action).toList();
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Organizations with an owner each (no email yet), as the first start makes them. */
    final class Organizations implements OrganizationRepository {
        private final List<OrganizationId> all = new ArrayList<>();
        private final List<UserId> owners = new ArrayList<>();

        OrganizationId create() {
            OrganizationId id = OrganizationId.newId();
            UserId owner = UserId.newId();
            members.insert(new Member(owner, id, null, "Owner", Role.OWNER, false, clock.instant()));
            all.add(id);
            owners.add(owner);
            return id;
        }

        @Override
        public boolean isEmpty() {
            return all.isEmpty();
        }

        @Override
        public void insert(OrganizationId id, String name, Instant createdAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void insertUser(UserId id, OrganizationId organizationId, String name, String role, Instant createdAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exists(OrganizationId id) {
            return all.contains(id);
        }

        @Override
        public List<OrganizationId> all() {
            return List.copyOf(all);
        }

        @Override
        public UserId owner(OrganizationId id) {
            return owners.get(all.indexOf(id));
        }

        @Override
        public void lockForBootstrap() {
        }
    }
}
