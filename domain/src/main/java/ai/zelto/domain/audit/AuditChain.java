package ai.zelto.domain.audit;

import ai.zelto.domain.shared.Sha256;
import java.util.List;
import java.util.Optional;

/**
 * The audit log's tamper evidence: each entry's hash is the SHA-256 of the previous entry's hash and the
 * entry's own fields, so editing or deleting an entry breaks every hash after it; the newest hash is kept apart
 * as the head, so deleting the newest entries is caught too.
 */
public final class AuditChain {
    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** An entry as stored: its fields and the hashes that chain it. */
    public record Link(long id, AuditEntry entry, String previousHash, String hash) {
    }

    public static String hash(String previousHash, AuditEntry entry) {
        StringBuilder text = new StringBuilder(previousHash).append('\n')
                .append(entry.organizationId()).append('\n')
                .append(entry.at()).append('\n')
                .append(escape(entry.actor())).append('\n')
                .append(escape(entry.action())).append('\n')
                .append(escape(entry.target())).append('\n');
        entry.details().forEach((key, value) -> text.append(escape(key)).append('=').append(escape(value)).append('\n'));
        return Sha256.hex(text.toString());
    }

    /**
     * Checks links in order against the stored head.
     *
     * @return the first problem found, or empty when the chain is intact
     */
    public static Optional<String> verify(List<Link> links, String head) {
        String previous = GENESIS;
        for (Link link : links) {
            if (!link.previousHash().equals(previous)) {
                return Optional.of("entry " + link.id() + " does not follow the entry before it: an entry was"
                        + " removed or reordered");
            }
            if (!hash(previous, link.entry()).equals(link.hash())) {
                return Optional.of("entry " + link.id() + " was altered: its hash does not match its content");
            }
            previous = link.hash();
        }
        String expectedHead = head == null ? GENESIS : head;
        if (!previous.equals(expectedHead)) {
            return Optional.of("the newest entries were removed: the chain ends before its recorded head");
        }
        return Optional.empty();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=");
    }
}
