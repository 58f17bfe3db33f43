package ai.zelto.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.out.ConversationQueries;
import ai.zelto.application.readmodel.ConversationFilter;
import ai.zelto.application.readmodel.ConversationPage;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.application.readmodel.PageCursor;
import ai.zelto.domain.organization.OrganizationId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search on more calls than its first step checks one by one ({@link JdbiConversationQueries#SEARCH_WALK}): words
 * only in old calls are found through the index step, in the same newest-first order and pages, forwards and
 * backwards, as words found among the newest.
 */
class ConversationSearchIT {
    private static final int CALLS = JdbiConversationQueries.SEARCH_WALK + 1_500;
    private static TestDatabase database;
    private static ConversationQueries queries;
    private static OrganizationId org;

    @BeforeAll
    static void fill() throws Exception {
        database = TestDatabase.create();
        queries = JdbiPersistence.create(Jdbi.create(database.dataSource()), Clock.systemUTC()).conversationQueries();
        org = OrganizationId.newId();
        UUID agent = UUID.randomUUID();
        try (Connection c = database.dataSource().getConnection(); Statement sql = c.createStatement()) {
            sql.execute("INSERT INTO organizations (id, name, created_at) VALUES ('" + org + "', 'search', now())");
            sql.execute("INSERT INTO agents (id, organization_id, provider, external_id, created_at) VALUES ('" + agent
                    + "', '" + org + "', 'zelto', 'bot', now())");
            // Call g starts g minutes before 2026-06-01: call 1 is the newest. Every call says "common"; the 40
            // oldest say "ancient"; every 300th says "sometimes"; the newest says "fresh".
            sql.execute("""
                    INSERT INTO conversations (id, organization_id, external_id, provider, agent_id, started_at,
                        transcript, last_received_at, created_at, updated_at)
                    SELECT gen_random_uuid(), '%s', 'call-' || g, 'zelto', '%s',
                        timestamptz '2026-06-01' - g * interval '1 minute',
                        jsonb_build_array(jsonb_build_object('role', 'user', 'text', 'common words here'
                            || CASE WHEN g > %d THEN ' ancient' ELSE '' END
                            || CASE WHEN g %% 300 = 0 THEN ' sometimes' ELSE '' END
                            || CASE WHEN g = 1 THEN ' fresh' ELSE '' END)),
                        now(), now(), now()
                    FROM generate_series(1, %d) g""".formatted(org, agent, CALLS - 40, CALLS));
            sql.execute("ANALYZE conversations");
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static ConversationPage page(String words, int limit, PageCursor after, PageCursor before) {
        return queries.list(new ConversationQuery(org, ConversationFilter.NONE.withText(words), limit, after, before));
    }

    private static List<String> ids(ConversationPage page) {
        return page.data().stream().map(view -> view.conversation().externalId()).toList();
    }

    /** Every page of a search, following the cursors. */
    private static List<String> allPages(String words, int limit) {
        List<String> all = new ArrayList<>();
        PageCursor after = null;
        do {
            ConversationPage page = page(words, limit, after, null);
            all.addAll(ids(page));
            after = page.next();
        } while (after != null);
        return all;
    }

    @Test
    void aWordOnlyInOldCalls_isFoundThroughTheIndex_newestFirst() {
        List<String> expected = new ArrayList<>();
        for (int g = CALLS - 39; g <= CALLS; g++) {
            expected.add("call-" + g);
        }
        assertThat(ids(page("ancient", 50, null, null))).containsExactlyElementsOf(expected);
        assertThat(allPages("ancient", 7)).containsExactlyElementsOf(expected);
    }

    @Test
    void aWordSpreadThinly_isPagedCompletely_acrossBothSteps() {
        List<String> expected = new ArrayList<>();
        for (int g = 300; g <= CALLS; g += 300) {
            expected.add("call-" + g);
        }
        assertThat(allPages("sometimes", 4)).containsExactlyElementsOf(expected);
        ConversationPage second = page("sometimes", 4, page("sometimes", 4, null, null).next(), null);
        ConversationPage backToFirst = page("sometimes", 4, null, second.previous());
        assertThat(ids(backToFirst)).containsExactlyElementsOf(expected.subList(0, 4));
        assertThat(second.hits()).hasSize(4);
    }

    @Test
    void commonAndRareWordsAmongTheNewest_andWordsOfNothing() {
        assertThat(ids(page("common", 3, null, null))).containsExactly("call-1", "call-2", "call-3");
        assertThat(ids(page("fresh", 3, null, null))).containsExactly("call-1");
        assertThat(ids(page("common -ancient -sometimes", 2, page("common", 2, null, null).next(), null)))
                .containsExactly("call-3", "call-4");
        assertThat(ids(page("nowhere", 10, null, null))).isEmpty();
        assertThat(ids(page("ancient fresh", 10, null, null))).isEmpty();
    }
}
