package ai.zelto.adapters.persistence;

import ai.zelto.application.readmodel.CreditBalance;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface CreditDao {
    @SqlUpdate("""
            INSERT INTO credit_ledger (organization_id, kind, amount, reason, created_at, updated_at)
            VALUES (:organizationId, 'grant', :amount, :reason, :at, :at)
            """)
    void grant(UUID organizationId, long amount, String reason, Instant at);

    /**
     * A conversation's single charge, for each row of the lists, in order, as one JDBC batch: created, or
     * adjusted to the amount (its {@code updated_at} moves only when the amount changes).
     */
    @SqlBatch("""
            INSERT INTO credit_ledger (organization_id, kind, amount, conversation_id, created_at, updated_at)
            VALUES (:organizationId, 'charge', :amount, :conversationId, :at, :at)
            ON CONFLICT (conversation_id) DO UPDATE SET amount = EXCLUDED.amount, updated_at = EXCLUDED.updated_at
            WHERE credit_ledger.amount <> EXCLUDED.amount
            """)
    void chargeAll(@Bind("organizationId") List<UUID> organizationIds,
                   @Bind("conversationId") List<UUID> conversationIds,
                   @Bind("amount") List<Long> amounts, @Bind("at") List<Instant> ats);

    @SqlQuery("""
            SELECT COALESCE(sum(amount) FILTER (WHERE kind = 'grant'), 0)
                     - COALESCE(sum(amount) FILTER (WHERE kind = 'charge'), 0) AS balance,
                   COALESCE(sum(amount) FILTER (WHERE kind = 'charge'), 0) AS charged,
                   COALESCE(sum(amount) FILTER (WHERE kind = 'grant'), 0) AS granted
            FROM credit_ledger WHERE organization_id = :organizationId
            """)
    @RegisterConstructorMapper(CreditBalance.class)
    CreditBalance balance(UUID organizationId);
}
