package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.RecordingRepository;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.recording.Recording;
import ai.zelto.domain.recording.RecordingStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The recordings table; updates for a source URL apply only while it is still the conversation's source. */
final class JdbiRecordingRepository implements RecordingRepository {
    static final String COLUMNS = "r.source_url AS rec_source_url, r.status AS rec_status, r.reason AS rec_reason,"
            + " r.content_type AS rec_content_type, r.bytes AS rec_bytes, r.duration_seconds AS rec_duration_seconds,"
            + " r.blob_key AS rec_blob_key, r.sha256 AS rec_sha256";

    private final Handles handles;

    JdbiRecordingRepository(Handles handles) {
        this.handles = handles;
    }

    /** The recording in a row selected with {@link #COLUMNS}, or null when the row has none. */
    static Recording map(ResultSet rs) throws SQLException {
        String status = rs.getString("rec_status");
        if (status == null) {
            return null;
        }
        long bytes = rs.getLong("rec_bytes");
        Long size = rs.wasNull() ? null : bytes;
        return new Recording(rs.getString("rec_source_url"), RecordingStatus.fromWireName(status),
                rs.getString("rec_reason"), rs.getString("rec_content_type"), size,
                rs.getBigDecimal("rec_duration_seconds"), rs.getString("rec_blob_key"), rs.getString("rec_sha256"));
    }

    @Override
    public Optional<Recording> find(ConversationId conversationId) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM recordings r WHERE r.conversation_id = :id")
                .bind("id", conversationId.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public void requestCopy(ConversationId conversationId, String sourceUrl, Instant at) {
        handles.with(handle -> handle.createUpdate("""
                        INSERT INTO recordings (conversation_id, source_url, status, updated_at)
                        VALUES (:id, :url, 'pending', :at)
                        ON CONFLICT (conversation_id) DO UPDATE SET source_url = EXCLUDED.source_url,
                            status = 'pending', reason = NULL, content_type = NULL, bytes = NULL,
                            duration_seconds = NULL, blob_key = NULL, sha256 = NULL, updated_at = EXCLUDED.updated_at""")
                .bind("id", conversationId.value())
                .bind("url", sourceUrl)
                .bind("at", at)
                .execute());
    }

    @Override
    public void storeUploaded(ConversationId conversationId, Recording stored, Instant at) {
        handles.with(handle -> handle.createUpdate("""
                        INSERT INTO recordings (conversation_id, status, updated_at) VALUES (:id, 'stored', :at)
                        ON CONFLICT (conversation_id) DO UPDATE SET source_url = NULL, updated_at = EXCLUDED.updated_at""")
                .bind("id", conversationId.value())
                .bind("at", at)
                .execute());
        update(conversationId, null, stored, at);
    }

    @Override
    public void markStored(ConversationId conversationId, String sourceUrl, Recording stored, Instant at) {
        update(conversationId, sourceUrl, stored, at);
    }

    @Override
    public void markProblem(ConversationId conversationId, String sourceUrl, Recording withProblem, Instant at) {
        update(conversationId, sourceUrl, withProblem, at);
    }

    private void update(ConversationId conversationId, String sourceUrl, Recording recording, Instant at) {
        handles.with(handle -> handle.createUpdate("""
                        UPDATE recordings SET status = :status, reason = :reason, content_type = :contentType,
                            bytes = :bytes, duration_seconds = :duration, blob_key = :blobKey, sha256 = :sha256,
                            updated_at = :at
                        WHERE conversation_id = :id AND source_url IS NOT DISTINCT FROM :url""")
                .bind("id", conversationId.value())
                .bind("url", sourceUrl)
                .bind("status", recording.status().wireName())
                .bind("reason", recording.reason())
                .bind("contentType", recording.contentType())
                .bind("bytes", recording.bytes())
                .bind("duration", recording.durationSeconds())
                .bind("blobKey", recording.blobKey())
                .bind("sha256", recording.sha256())
                .bind("at", at)
                .execute());
    }
}
