package ai.zelto.application.port.out;

import ai.zelto.domain.audit.AuditChain;
import ai.zelto.domain.audit.AuditEntry;
import ai.zelto.domain.organization.OrganizationId;
import java.util.List;
import java.util.Optional;

/** The append-only audit log. Appends join the caller's transaction and are serialized across app copies. */
public interface AuditLog {
    /** Chains the entry to the newest one and records it as the new head. */
    void append(AuditEntry entry);

    /** The organization's newest entries first. */
    List<AuditChain.Link> list(OrganizationId organizationId, int limit);

    /** Every entry, oldest first (for verification). */
    List<AuditChain.Link> all();

    /** The hash of the newest entry, as recorded apart from the entries. */
    Optional<String> head();
}
