package ai.zelto.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.out.ChatSessionRepository;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.agent.Architecture;
import ai.zelto.domain.chat.ChatMessage;
import ai.zelto.domain.chat.ChatSession;
import ai.zelto.domain.organization.OrganizationId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * An operator's database, holding data, upgraded by a newer jar: the database is brought to an earlier release's
 * schema ({@code db/changelog/released-010.xml}, the changelog as it was before chat sessions), filled the way that
 * release filled it (agents, phone events), then migrated by the current changelog, as a jar starting on it does.
 * Every row is still there with every value it had, the new columns are empty, the new index is valid, and the new
 * code works on the old rows.
 */
class SchemaUpgradeIT {
    private static final int AGENTS = 5_000;
    private static final int EVENTS = 10_000;

    @Test
    void upgradingFromTheReleaseBeforeChatSessions_keepsEveryRow_andTheNewCodeWorksOnThem() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty()) {
            DatabaseMigrations.migrate(database.dataSource(), "db/changelog/released-010.xml");
            UUID organization = UUID.randomUUID();
            UUID textAgent = UUID.randomUUID();
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO organizations (id, name, created_at) VALUES ('" + organization
                        + "', 'Upgraded', now())");
                statement.execute("INSERT INTO agents (id, organization_id, provider, external_id, name,"
                        + " architecture, livekit_agent_name, system_prompt, created_at) VALUES ('" + textAgent
                        + "', '" + organization + "', 'zelto', NULL, 'Support bot', 'text', NULL,"
                        + " 'You are the support bot. Ünïcode kept.', now())");
                // Agents as ingestion made them, to migrate a table of some size.
                statement.execute("INSERT INTO agents (id, organization_id, provider, external_id, name, created_at)"
                        + " SELECT gen_random_uuid(), '" + organization + "', 'vapi', 'agent-' || n, 'Agent ' || n,"
                        + " now() - n * interval '1 minute' FROM generate_series(1, " + (AGENTS - 1) + ") n");
                // Phone events, done and not, for 013's index (built concurrently) to cover.
                statement.execute("INSERT INTO phone_call_events (key, organization_id, received_at, done_at)"
                        + " SELECT 'twilio|' || n, '" + organization + "', now() - n * interval '1 hour',"
                        + " CASE WHEN n % 10 = 0 THEN NULL ELSE now() END FROM generate_series(1, " + EVENTS + ") n");
            }
            List<String> before = agentRows(database);

            long started = System.nanoTime();
            DatabaseMigrations.migrate(database.dataSource());
            long millis = (System.nanoTime() - started) / 1_000_000;
            DatabaseMigrations.migrate(database.dataSource());

            System.out.printf("upgrade 010 -> current with %d agents and %d phone events: %d ms%n", AGENTS, EVENTS,
                    millis);
            assertThat(agentRows(database)).isEqualTo(before);
            assertThat(count(database, "SELECT count(*) FROM agents WHERE model IS NOT NULL")).isZero();
            assertThat(count(database, "SELECT count(*) FROM phone_call_events")).isEqualTo(EVENTS);
            assertThat(count(database, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " WHERE c.relname = 'phone_call_events_done' AND i.indisvalid")).isEqualTo(1);
            assertThat(count(database, "SELECT count(*) FROM databasechangelog"))
                    .as("each change applied once").isEqualTo(count(database,
                            "SELECT count(DISTINCT (id, author)) FROM databasechangelog"));

            JdbiPersistence.Ports ports = JdbiPersistence.create(Jdbi.create(database.dataSource()),
                    Clock.systemUTC());
            OrganizationId org = new OrganizationId(organization);
            AgentId agentId = new AgentId(textAgent);
            Agent agent = ports.agents().find(org, agentId).orElseThrow();
            assertThat(agent.architecture()).isEqualTo(Architecture.TEXT);
            assertThat(agent.systemPrompt()).isEqualTo("You are the support bot. Ünïcode kept.");
            assertThat(agent.model()).isNull();
            assertThat(ports.agents().update(agent.withSetup(agent.name(), null, Architecture.TEXT, null,
                    agent.systemPrompt(), "llama3.2:3b"))).isTrue();
            assertThat(ports.agents().find(org, agentId).orElseThrow().model()).isEqualTo("llama3.2:3b");

            Instant now = Instant.now();
            ChatSession session = ChatSession.open(org, agentId, null, "{}", now);
            ports.chatSessions().create(session);
            assertThat(ports.chatSessions().claim(org, session.id(), 10, now, now.minusSeconds(60)))
                    .isEqualTo(ChatSessionRepository.Claim.CLAIMED);
            ports.chatSessions().append(session.id(), new ChatMessage(ChatMessage.Role.USER, "hello", now));
            assertThat(ports.chatSessions().messages(session.id())).extracting(ChatMessage::text)
                    .containsExactly("hello");
            // 30 days (720 hours) back: events 720..10,000 are older, less the 929 among them not done.
            assertThat(ports.phoneCalls().forgetEvents(now.minus(Duration.ofDays(30)), EVENTS)).isEqualTo(8_352);
        }
    }

    /** Every agent row as it was released (the columns before 012), in a fixed order, as text. */
    private static List<String> agentRows(TestDatabase database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, organization_id, provider, external_id, name,"
                     + " architecture, livekit_agent_name, system_prompt, created_at FROM agents ORDER BY id")) {
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= 9; column++) {
                    row.append(result.getString(column)).append('|');
                }
                rows.add(row.toString());
            }
        }
        assertThat(rows).hasSize(AGENTS);
        return rows;
    }

    private static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
