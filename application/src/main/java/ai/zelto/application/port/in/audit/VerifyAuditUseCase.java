package ai.zelto.application.port.in.audit;

import java.util.Optional;

/** Checks the whole audit log's hash chain. */
public interface VerifyAuditUseCase {
    /** @return the first problem found, or empty when every entry is intact and none is missing */
    Optional<String> verifyAudit();

    /** How many entries the log holds. */
    long auditEntries();
}
