package ai.zelto.adapters.persistence;

import ai.zelto.adapters.persistence.JdbiConversationRepository.Row;
import ai.zelto.application.port.out.ConversationQueries;
import ai.zelto.application.readmodel.ConversationFilter;
import ai.zelto.application.readmodel.ConversationPage;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.application.readmodel.ConversationView;
import ai.zelto.application.readmodel.PageCursor;
import ai.zelto.application.readmodel.SearchHit;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * The read side of conversations. The list query is assembled from the filters actually given, so each filter
 * can use its own index rather than a catch-all plan. Search matches {@code search_document} (migration 008:
 * words without stemming, in any language) with PostgreSQL's web-search syntax, newest first like every list:
 * "find the calls where someone said X" is a recency question, and ranking every match would read all of them.
 */
final class JdbiConversationQueries implements ConversationQueries {
    /** Marks around matched words in ts_headline's output; control characters no transcript shows. */
    private static final char MATCH_START = '\u0001';
    private static final char MATCH_END = '\u0002';
    private static final String HEADLINE_OPTIONS = "'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', ";
    /** A call's place in the list's order, read from its {@code sort_at} and {@code id} columns. */
    private static final RowMapper<PageCursor> POSITION = (rs, ctx) -> new PageCursor(Rows.instant(rs, "sort_at"),
            Rows.uuid(rs, "id"));
    /** How many of the newest calls a search checks one by one before it turns to the words' index. */
    static final int SEARCH_WALK = 5000;
    private static final Pattern WORD = Pattern.compile("-?\"[^\"]*\"|\\S+");
    /**
     * The index step of a search is planned for its own words, every time: a server-side prepared statement would,
     * after five runs, get a generic plan that knows nothing of how common the words are. The words' frequencies
     * come from the column's statistics, kept at ten thousand words for this column (migration 008).
     */
    private static final StatementCustomizer PLANNED_FOR_ITS_WORDS = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    };

    private final Handles handles;

    JdbiConversationQueries(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Optional<ConversationView> find(OrganizationId organizationId, ConversationId id) {
        return handles.with(handle -> handle.createQuery("SELECT " + JdbiConversationRepository.VIEW_COLUMNS
                        + JdbiConversationRepository.VIEW_FROM + " WHERE c.organization_id = :org AND c.id = :id")
                .bind("org", organizationId.value())
                .bind("id", id.value())
                .map(JdbiConversationRepository.VIEW)
                .findOne()
                .map(Row::view));
    }

    @Override
    public ConversationPage list(ConversationQuery query) {
        ConversationFilter filter = query.filter();
        StringBuilder where = new StringBuilder(" WHERE c.organization_id = :org");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", query.organizationId().value());
        if (filter.agentId() != null) {
            where.append(" AND c.agent_id = :agentId");
            params.put("agentId", filter.agentId().value());
        }
        equal(where, params, "provider", filter.provider());
        equal(where, params, "version", filter.version());
        equal(where, params, "external_id", filter.externalId());
        equal(where, params, "ended_reason", filter.endedReason());
        if (filter.metadataKey() != null) {
            List<String> documents = metadataDocuments(filter.metadataKey(), filter.metadataValue());
            where.append(" AND (");
            for (int i = 0; i < documents.size(); i++) {
                where.append(i == 0 ? "" : " OR ").append("c.metadata @> CAST(:metadata").append(i)
                        .append(" AS jsonb)");
                params.put("metadata" + i, documents.get(i));
            }
            where.append(")");
        }
        // The window is on startedAt. Where a call has a start, sort_at equals it, so the window is written on
        // sort_at: every index that orders the list then serves the window as a range, whereas a condition on
        // started_at left the planner scanning, say, all of a provider's newer calls to find fifty in the window.
        if (filter.from() != null || filter.to() != null) {
            where.append(" AND c.started_at IS NOT NULL");
        }
        if (filter.from() != null) {
            where.append(" AND c.sort_at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND c.sort_at < :to");
            params.put("to", filter.to());
        }
        boolean backwards = query.before() != null;
        if (query.after() != null) {
            where.append(" AND (c.sort_at, c.id) < (:afterSortAt, :afterId)");
            params.put("afterSortAt", query.after().sortAt());
            params.put("afterId", query.after().id());
        }
        if (backwards) {
            where.append(" AND (c.sort_at, c.id) > (:beforeSortAt, :beforeId)");
            params.put("beforeSortAt", query.before().sortAt());
            params.put("beforeId", query.before().id());
        }
        String order = backwards ? " ORDER BY c.sort_at, c.id" : " ORDER BY c.sort_at DESC, c.id DESC";
        params.put("limit", query.limit() + 1);
        List<Row> rows = searches(filter)
                ? search(where.toString(), params, filter.text(), backwards, query.limit() + 1)
                : handles.with(handle -> handle.createQuery("SELECT " + JdbiConversationRepository.VIEW_COLUMNS
                        + JdbiConversationRepository.VIEW_FROM + where + order + " LIMIT :limit")
                        .bindMap(params).map(JdbiConversationRepository.VIEW).list());
        boolean more = rows.size() > query.limit();
        List<Row> page = new ArrayList<>(more ? rows.subList(0, query.limit()) : rows);
        if (backwards) {
            Collections.reverse(page);
        }
        PageCursor next = null;
        PageCursor previous = null;
        if (!page.isEmpty()) {
            Row first = page.get(0);
            Row last = page.get(page.size() - 1);
            if (backwards || more) {
                next = cursor(last);
            }
            if (backwards ? more : query.after() != null) {
                previous = cursor(first);
            }
        }
        List<ConversationView> views = page.stream().map(Row::view).toList();
        return new ConversationPage(views, next, previous, searches(filter) ? hits(query.organizationId(), views,
                filter.text()) : Map.of());
    }

    /**
     * The page of a search, in two steps whose cost is bounded by what they read, not by how the planner guesses
     * the words' frequency. First the newest {@value #SEARCH_WALK} calls that pass the other filters are checked
     * for the words, newest first: a word in more than about one call in a hundred fills a page there. When they do
     * not, the rest is found through the words' index and only its matches are sorted: a rarer word has few.
     * Either step alone fails somewhere: walking newest first for a word in 100 calls of a million read half a
     * million tsvectors (three seconds), and sorting every match of a word in 90 % of them took as long.
     */
    private List<Row> search(String where, Map<String, Object> params, String text, boolean backwards, int limit) {
        String order = backwards ? " ORDER BY c.sort_at, c.id" : " ORDER BY c.sort_at DESC, c.id DESC";
        String outerOrder = backwards ? " ORDER BY sort_at, id" : " ORDER BY sort_at DESC, id DESC";
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("text", text);
        all.put("walk", SEARCH_WALK);
        List<PageCursor> found = new ArrayList<>(handles.with(handle -> handle.createQuery(
                        "SELECT id, sort_at FROM (SELECT c.id, c.sort_at, c.search_document FROM conversations c"
                                + where + order + " LIMIT :walk) recent"
                                + " WHERE search_document @@ websearch_to_tsquery('simple'::regconfig, :text)"
                                + outerOrder + " LIMIT :limit")
                .bindMap(all)
                .map(POSITION)
                .list()));
        if (found.size() < limit) {
            Optional<PageCursor> walkedTo = handles.with(handle -> handle.createQuery("SELECT c.sort_at, c.id"
                            + " FROM conversations c" + where + order + " OFFSET :last LIMIT 1")
                    .bindMap(params).bind("last", SEARCH_WALK - 1)
                    .map(POSITION)
                    .findOne());
            if (walkedTo.isPresent()) {
                all.put("walkedAt", walkedTo.get().sortAt());
                all.put("walkedId", walkedTo.get().id());
                all.put("limit", limit - found.size());
                // sort_at + 0 is not what any index orders by: the planner cannot walk an index for the order and
                // must take the words' matches and sort them.
                String older = backwards ? " AND (c.sort_at, c.id) > (:walkedAt, :walkedId)"
                        + " ORDER BY c.sort_at + interval '0 seconds', c.id"
                        : " AND (c.sort_at, c.id) < (:walkedAt, :walkedId)"
                        + " ORDER BY c.sort_at + interval '0 seconds' DESC, c.id DESC";
                found.addAll(handles.with(handle -> handle.createQuery("SELECT c.id, c.sort_at FROM conversations c"
                                + where + " AND c.search_document @@ websearch_to_tsquery('simple'::regconfig, :text)"
                                + older + " LIMIT :limit")
                        .bindMap(all)
                        .addCustomizer(PLANNED_FOR_ITS_WORDS)
                        .map(POSITION)
                        .list()));
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        UUID[] ids = found.stream().map(PageCursor::id).toArray(UUID[]::new);
        Map<UUID, Row> byId = new HashMap<>();
        handles.with(handle -> handle.createQuery("SELECT " + JdbiConversationRepository.VIEW_COLUMNS
                        + JdbiConversationRepository.VIEW_FROM + " WHERE c.organization_id = :org AND c.id = ANY(:ids)")
                .bind("org", params.get("org"))
                .bind("ids", ids)
                .map(JdbiConversationRepository.VIEW)
                .list()).forEach(row -> byId.put(row.view().conversation().id().value(), row));
        return found.stream().map(position -> byId.get(position.id())).filter(Objects::nonNull).toList();
    }

    @Override
    public Map<Integer, List<SearchHit.Fragment>> highlight(OrganizationId organizationId, ConversationId id,
                                                            String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Map<Integer, List<SearchHit.Fragment>> turns = new LinkedHashMap<>();
        handles.with(handle -> handle.createQuery("SELECT t.position - 1 AS turn_index, ts_headline('simple',"
                        + " t.turn ->> 'text', websearch_to_tsquery('simple'::regconfig, :any), " + HEADLINE_OPTIONS
                        + "HighlightAll=true') AS marked"
                        + " FROM conversations c, jsonb_array_elements(c.transcript) WITH ORDINALITY t(turn, position)"
                        + " WHERE c.organization_id = :org AND c.id = :id"
                        + " AND to_tsvector('simple'::regconfig, t.turn ->> 'text')"
                        + " @@ websearch_to_tsquery('simple'::regconfig, :any) ORDER BY t.position")
                .bind("org", organizationId.value())
                .bind("id", id.value())
                .bind("any", anyWord(text))
                .map((rs, ctx) -> Map.entry(rs.getInt("turn_index"), fragments(rs.getString("marked"))))
                .list()).forEach(turn -> turns.put(turn.getKey(), turn.getValue()));
        return turns;
    }

    private Map<ConversationId, SearchHit> hits(OrganizationId organizationId, List<ConversationView> views,
                                                String text) {
        if (views.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = views.stream().map(view -> view.conversation().id().value()).toArray(UUID[]::new);
        Map<ConversationId, SearchHit> hits = new HashMap<>();
        handles.with(handle -> handle.createQuery("SELECT c.id, hit.turn_index, hit.marked FROM conversations c"
                        + " CROSS JOIN LATERAL (SELECT t.position - 1 AS turn_index, ts_headline('simple',"
                        + " t.turn ->> 'text', websearch_to_tsquery('simple'::regconfig, :any), " + HEADLINE_OPTIONS
                        + "MaxWords=20, MinWords=8, MaxFragments=1, FragmentDelimiter=\" … \"') AS marked"
                        + " FROM jsonb_array_elements(c.transcript) WITH ORDINALITY t(turn, position)"
                        + " WHERE to_tsvector('simple'::regconfig, t.turn ->> 'text')"
                        + " @@ websearch_to_tsquery('simple'::regconfig, :any)"
                        + " ORDER BY to_tsvector('simple'::regconfig, t.turn ->> 'text')"
                        + " @@ websearch_to_tsquery('simple'::regconfig, :text) DESC, t.position LIMIT 1) hit"
                        + " WHERE c.organization_id = :org AND c.id = ANY(:ids)")
                .bind("org", organizationId.value())
                .bind("ids", ids)
                .bind("text", text)
                .bind("any", anyWord(text))
                .map((rs, ctx) -> Map.entry(new ConversationId(Rows.uuid(rs, "id")),
                        new SearchHit(rs.getInt("turn_index"), fragments(rs.getString("marked")))))
                .list()).forEach(hit -> hits.put(hit.getKey(), hit.getValue()));
        return hits;
    }

    private static boolean searches(ConversationFilter filter) {
        return filter.text() != null && !filter.text().isBlank();
    }

    private static void equal(StringBuilder sql, Map<String, Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND c.").append(column).append(" = :").append(column);
            params.put(column, value);
        }
    }

    /** The value as text, and also as the number or boolean it spells, since metadata keeps JSON's types. */
    private static List<String> metadataDocuments(String key, String value) {
        List<String> documents = new ArrayList<>();
        documents.add(JsonColumns.object(Map.of(key, value)));
        if (value.equals("true") || value.equals("false")) {
            documents.add(JsonColumns.object(Map.of(key, Boolean.valueOf(value))));
        } else {
            try {
                documents.add(JsonColumns.object(Map.of(key, new BigDecimal(value))));
            } catch (NumberFormatException notANumber) {
                // text only
            }
        }
        return documents;
    }

    /**
     * The searched words joined with {@code or}: the turn to show is the first holding all the words, else the
     * first holding any (the words of a call may fall in different turns). Excluded words stay out.
     */
    static String anyWord(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            if (!word.startsWith("-") && !word.equalsIgnoreCase("or")) {
                words.add(word);
            }
        }
        return words.isEmpty() ? text : String.join(" or ", words);
    }

    static List<SearchHit.Fragment> fragments(String marked) {
        List<SearchHit.Fragment> fragments = new ArrayList<>();
        int at = 0;
        while (at < marked.length()) {
            int start = marked.indexOf(MATCH_START, at);
            if (start < 0) {
                fragments.add(new SearchHit.Fragment(marked.substring(at), false));
                break;
            }
            if (start > at) {
                fragments.add(new SearchHit.Fragment(marked.substring(at, start), false));
            }
            int end = marked.indexOf(MATCH_END, start + 1);
            if (end < 0) {
                end = marked.length();
            }
            fragments.add(new SearchHit.Fragment(marked.substring(start + 1, end), true));
            at = end + 1;
        }
        return fragments;
    }

    private static PageCursor cursor(Row row) {
        return new PageCursor(row.sortAt(), row.view().conversation().id().value());
    }
}
