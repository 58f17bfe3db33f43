package ai.zelto.app.cli;

import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.app.wiring.ZeltoCore;
import io.dropwizard.core.Application;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code zelto audit verify}: checks the audit log's hash chain on the configured database; exits non-zero and
 * names the first broken entry when a row was edited, removed or the newest ones cut off.
 */
public final class AuditCommand extends CliCommand {
    public AuditCommand(Application<ZeltoConfiguration> application) {
        super(application, "audit", "Check the audit log: audit verify", "verify");
    }

    @Override
    void run(ZeltoCore core, Namespace namespace) {
        Optional<String> problem = core.base.audit.verifyAudit();
        if (problem.isPresent()) {
            throw new IllegalStateException("audit log tampered with: " + problem.get());
        }
        System.out.println("Audit log intact: " + core.base.audit.auditEntries()
                + " entries, chain and head verified.");
    }
}
