package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.AuditLog;
import ai.zelto.domain.audit.AuditChain;
import ai.zelto.domain.audit.AuditEntry;
import ai.zelto.domain.organization.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit_log table. Appends take one advisory lock, so entries from every app copy form a single chain;
 * the head hash is written in the same transaction.
 */
final class JdbiAuditLog implements AuditLog {
    /** Any constant shared by all copies of the app; serializes appends to the chain. */
    private static final long CHAIN_LOCK = 0x617564697421L;
    private static final String HEAD = "audit_head";
    private static final String COLUMNS = "id, organization_id, at, actor, action, target, details::text AS details,"
            + " previous_hash, hash";

    private final Handles handles;

    JdbiAuditLog(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void append(AuditEntry entry) {
        handles.inTransaction(() -> handles.with(handle -> {
            handle.createQuery("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ") IS NOT NULL").mapTo(Boolean.class).one();
            String previous = handle.createQuery("SELECT value FROM zelto_system WHERE name = :name")
                    .bind("name", HEAD).mapTo(String.class).findOne().orElse(AuditChain.GENESIS);
            String hash = AuditChain.hash(previous, entry);
            handle.createUpdate("""
                            INSERT INTO audit_log (organization_id, at, actor, action, target, details, previous_hash, hash)
                            VALUES (:org, :at, :actor, :action, :target, CAST(:details AS jsonb), :previous, :hash)""")
                    .bind("org", entry.organizationId().value())
                    .bind("at", entry.at())
                    .bind("actor", entry.actor())
                    .bind("action", entry.action())
                    .bind("target", entry.target())
                    .bind("details", JsonColumns.object(entry.details()))
                    .bind("previous", previous)
                    .bind("hash", hash)
                    .execute();
            handle.createUpdate("""
                            INSERT INTO zelto_system (name, value) VALUES (:name, :hash)
                            ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value""")
                    .bind("name", HEAD).bind("hash", hash).execute();
            return null;
        }));
    }

    @Override
    public List<AuditChain.Link> list(OrganizationId organizationId, int limit) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM audit_log WHERE organization_id = :org ORDER BY id DESC LIMIT :limit")
                .bind("org", organizationId.value())
                .bind("limit", limit)
                .map((rs, ctx) -> link(rs))
                .list());
    }

    @Override
    public List<AuditChain.Link> all() {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY id")
                .map((rs, ctx) -> link(rs))
                .list());
    }

    @Override
    public Optional<String> head() {
        return handles.with(handle -> handle.createQuery("SELECT value FROM zelto_system WHERE name = :name")
                .bind("name", HEAD).mapTo(String.class).findOne());
    }

    private static AuditChain.Link link(ResultSet rs) throws SQLException {
        Map<String, String> details = new LinkedHashMap<>();
        JsonColumns.object(rs.getString("details")).forEach((key, value) -> details.put(key, String.valueOf(value)));
        return new AuditChain.Link(rs.getLong("id"), new AuditEntry(new OrganizationId(rs.getObject("organization_id",
                UUID.class)), Rows.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                rs.getString("target"), details), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
