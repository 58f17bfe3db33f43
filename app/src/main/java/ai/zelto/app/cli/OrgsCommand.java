package ai.zelto.app.cli;

import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.app.wiring.ZeltoCore;
import ai.zelto.application.port.in.organization.CreateOrganizationCommand;
import ai.zelto.application.port.in.organization.CreatedOrganization;
import ai.zelto.domain.shared.ValidationException;
import io.dropwizard.core.Application;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code zelto orgs create --name NAME}: creates an organization with its owner and prints its first key. */
public final class OrgsCommand extends CliCommand {
    public OrgsCommand(Application<ZeltoConfiguration> application) {
        super(application, "orgs", "Manage organizations: orgs create --name NAME", "create");
    }

    @Override
    void run(ZeltoCore core, Namespace namespace) {
        try {
            CreatedOrganization created = core.access.organizations.create(
                    new CreateOrganizationCommand(required(namespace, "name"), null, "cli"));
            System.out.println("Created organization " + created.organizationId());
            ConsoleOutput.printKey(System.out, created.firstKey());
        } catch (ValidationException invalid) {
            throw new IllegalArgumentException(String.join("; ", invalid.details().values()));
        }
    }
}
