package ai.zelto.app.cli;

import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.app.wiring.ZeltoCore;
import ai.zelto.application.port.in.people.SetupLink;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.user.Role;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code zelto users create --email E --role R [--org ID]} and {@code zelto users reset-password --email E}: each
 * prints a one-time link where the person sets their password (valid 24 hours).
 */
public final class UsersCommand extends CliCommand {
    private ZeltoConfiguration config;

    public UsersCommand(Application<ZeltoConfiguration> application) {
        super(application, "users", "Manage people who sign in to the console: users create --email E --role "
                + "owner|admin|member|viewer [--org ID] | users reset-password --email E", "create", "reset-password");
    }

    @Override
    void configureOptions(Subparser subparser) {
        subparser.addArgument("--email").help("the person's sign-in email");
        subparser.addArgument("--role").help("owner, admin, member or viewer (create)");
        subparser.addArgument("--org").help("the organization's id (optional when there is only one)");
    }

    @Override
    void run(ZeltoCore core, Namespace namespace) {
        this.config = core.base.config;
        String email = required(namespace, "email");
        SetupLink link;
        try {
            if ("reset-password".equals(namespace.getString("action"))) {
                link = core.console.people.resetPassword(email, "cli");
            } else {
                Role role = Role.fromWireName(required(namespace, "role")).orElseThrow(() ->
                        new IllegalArgumentException("--role is owner, admin, member or viewer"));
                link = core.console.people.createUser(organization(core, namespace.getString("org")), email, role,
                        "cli");
            }
        } catch (ValidationException invalid) {
            throw new IllegalArgumentException(String.join("; ", invalid.details().values()));
        }
        System.out.println("Setup link for " + link.member().email() + " (" + link.member().role().wireName()
                + "; works once, until " + link.expiresAt() + "):");
        System.out.println(ConsoleOutput.absolute(link, config.getPublicUrl(), port()));
    }

    private static OrganizationId organization(ZeltoCore core, String org) {
        if (org != null) {
            try {
                return OrganizationId.parse(org);
            } catch (IllegalArgumentException notUuid) {
                throw new IllegalArgumentException("--org must be an organization id (a UUID)");
            }
        }
        List<OrganizationId> all = core.base.ports.organizations().all();
        if (all.size() != 1) {
            throw new IllegalArgumentException("--org is required: there are " + all.size() + " organizations");
        }
        return all.get(0);
    }

    private int port() {
        if (config.getServerFactory() instanceof DefaultServerFactory server
                && !server.getApplicationConnectors().isEmpty()
                && server.getApplicationConnectors().get(0) instanceof HttpConnectorFactory http) {
            return http.getPort();
        }
        return 8080;
    }
}
