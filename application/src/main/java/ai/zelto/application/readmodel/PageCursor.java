package ai.zelto.application.readmodel;

import ai.zelto.domain.shared.Uuids;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in the newest-first order: the sort time and id of the last conversation of a page. Its text
 * form is opaque to clients.
 */
public record PageCursor(Instant sortAt, UUID id) {
    public String encode() {
        return new CursorText(sortAt, id.toString()).encode();
    }

    /** Decodes a cursor made by {@link #encode()}; empty for anything else. */
    public static Optional<PageCursor> decode(String text) {
        return CursorText.decode(text).flatMap(cursor -> Uuids.tryParse(cursor.key())
                .map(id -> new PageCursor(cursor.at(), id)));
    }
}
