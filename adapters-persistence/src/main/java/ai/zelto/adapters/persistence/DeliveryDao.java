package ai.zelto.adapters.persistence;

import ai.zelto.application.readmodel.DeliveryView;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterRowMapper(DeliveryDao.ViewMapper.class)
@RegisterRowMapper(DeliveryDao.ClaimedRow.Mapper.class)
interface DeliveryDao {
    @SqlQuery("""
            SELECT id, provider, received_at, status, reason, conversation_id
            FROM deliveries WHERE organization_id = :organizationId AND id = :id
            """)
    Optional<DeliveryView> find(UUID organizationId, UUID id);

    @SqlQuery("SELECT count(*) FROM deliveries WHERE status = 'pending'")
    long pendingCount();

    /** Counts no further than {@code cap}: cheap to ask often while the backlog is large. */
    @SqlQuery("SELECT count(*) FROM (SELECT 1 FROM deliveries WHERE status = 'pending' LIMIT :cap) pending")
    long pendingCountUpTo(long cap);

    @SqlQuery("SELECT min(received_at) FROM deliveries WHERE status = 'pending'")
    Optional<Instant> oldestPendingReceivedAt();

    /**
     * Pending deliveries in receive order, only those older than every running transaction (a transaction
     * still running may yet commit a delivery that sorts before anything newer). Up to {@code max} are locked;
     * of those, bodies are read only while the ones before total less than {@code maxBytes} (sizes come from
     * the stored length, without reading the bodies). The locked rest is left for the next batch.
     */
    @SqlQuery("""
            WITH claimed AS (
                SELECT id, txid, seq, octet_length(body) AS size
                FROM deliveries
                WHERE status = 'pending' AND txid < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY txid, seq
                LIMIT :max
                FOR UPDATE SKIP LOCKED),
            sized AS (
                SELECT id, txid, seq, sum(size) OVER (ORDER BY txid, seq) - size AS before FROM claimed)
            SELECT d.id, d.organization_id, d.provider, d.received_at, d.body, d.headers, d.channel, d.external_id,
                   d.attachment::text AS attachment
            FROM sized JOIN deliveries d ON d.id = sized.id
            WHERE sized.before < :maxBytes
            ORDER BY sized.txid, sized.seq
            """)
    List<ClaimedRow> claim(int max, long maxBytes);

    /**
     * The calls whose lock this transaction got, each as {@code <organization id>/<external id>} (the key of the
     * lock, the same as {@link #lockCall}).
     */
    @SqlQuery("""
            SELECT organization_id || '/' || external_id
            FROM unnest(CAST(:organizationIds AS text[]), CAST(:externalIds AS text[])) AS c(organization_id, external_id)
            WHERE pg_try_advisory_xact_lock(hashtextextended(organization_id || '/' || external_id, 0))
            """)
    List<String> tryLockCalls(String[] organizationIds, String[] externalIds);

    @SqlQuery("""
            SELECT this.id FROM deliveries this
            WHERE this.id = ANY(:ids)
              AND EXISTS (
                SELECT 1 FROM deliveries earlier
                WHERE earlier.organization_id = this.organization_id AND earlier.external_id = this.external_id
                  AND earlier.status = 'pending' AND (earlier.txid, earlier.seq) < (this.txid, this.seq)
                  AND earlier.id <> ALL(:ids))
            """)
    List<UUID> heldBackByOthers(UUID[] ids);

    @SqlQuery("SELECT pg_advisory_xact_lock(hashtextextended(:organizationId || '/' || :externalId, 0)) IS NOT NULL")
    boolean lockCall(@Bind("organizationId") String organizationId, @Bind("externalId") String externalId);

    /** A delivery's outcome, for each row of the lists, as one JDBC batch. */
    @SqlBatch("""
            UPDATE deliveries SET status = :status, reason = :reason, conversation_id = :conversationId,
                                  processed_at = :processedAt
            WHERE id = :id
            """)
    void finishAll(@Bind("id") List<UUID> ids, @Bind("status") List<String> statuses,
                   @Bind("reason") List<String> reasons, @Bind("conversationId") List<UUID> conversationIds,
                   @Bind("processedAt") Instant processedAt);

    /** A claimed delivery. */
    record ClaimedRow(UUID id, UUID organizationId, String provider, Instant receivedAt,
                      byte[] body, String headers, String channel, String externalId, String attachment) {
        public static final class Mapper implements RowMapper<ClaimedRow> {
            @Override
            public ClaimedRow map(ResultSet rs, StatementContext ctx) throws SQLException {
                return new ClaimedRow(Rows.uuid(rs, "id"), Rows.uuid(rs, "organization_id"), rs.getString("provider"), Rows.instant(rs, "received_at"),
                        rs.getBytes("body"), rs.getString("headers"), rs.getString("channel"),
                        rs.getString("external_id"), rs.getString("attachment"));
            }
        }
    }

    final class ViewMapper implements RowMapper<DeliveryView> {
        @Override
        public DeliveryView map(ResultSet rs, StatementContext ctx) throws SQLException {
            UUID conversationId = Rows.uuid(rs, "conversation_id");
            return new DeliveryView(new DeliveryId(Rows.uuid(rs, "id")), rs.getString("provider"),
                    Rows.instant(rs, "received_at"), DeliveryStatus.fromWireName(rs.getString("status")),
                    rs.getString("reason"), conversationId == null ? null : new ConversationId(conversationId));
        }
    }
}
