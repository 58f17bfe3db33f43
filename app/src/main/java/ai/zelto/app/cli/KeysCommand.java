package ai.zelto.app.cli;

import ai.zelto.app.config.ZeltoConfiguration;
import ai.zelto.app.wiring.ZeltoCore;
import ai.zelto.application.port.in.apikey.CreateApiKeyCommand;
import ai.zelto.application.port.in.apikey.CreatedApiKey;
import ai.zelto.domain.apikey.ApiKeyId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.shared.ValidationException;
import io.dropwizard.core.Application;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code zelto keys create --name NAME [--org ID]}: prints a new API key. */
public final class KeysCommand extends CliCommand {
    public KeysCommand(Application<ZeltoConfiguration> application) {
        super(application, "keys", "Manage API keys: keys create --name NAME [--org ID] | keys revoke --id KEY_ID [--org ID]",
                "create", "revoke");
    }

    @Override
    void configureOptions(Subparser subparser) {
        subparser.addArgument("--org").help("the organization's id (optional when there is only one)");
        subparser.addArgument("--id").help("the key's id (revoke)");
    }

    @Override
    void run(ZeltoCore core, Namespace namespace) {
        String org = namespace.getString("org");
        OrganizationId organizationId;
        try {
            organizationId = org == null ? null : OrganizationId.parse(org);
        } catch (IllegalArgumentException notUuid) {
            throw new IllegalArgumentException("--org must be an organization id (a UUID)");
        }
        if ("revoke".equals(namespace.getString("action"))) {
            ApiKeyId id = ApiKeyId.tryParse(required(namespace, "id"))
                    .orElseThrow(() -> new IllegalArgumentException("--id must be a key id (a UUID)"));
            List<OrganizationId> orgs = organizationId != null ? List.of(organizationId)
                    : core.base.ports.organizations().all();
            boolean revoked = orgs.stream().anyMatch(candidate -> core.access.apiKeys.revokeKey(candidate, id, "cli"));
            if (!revoked) {
                throw new IllegalArgumentException("no active key has the id " + id);
            }
            System.out.println("Revoked key " + id + "; it fails its next request.");
            return;
        }
        try {
            CreatedApiKey key = core.access.apiKeys.create(new CreateApiKeyCommand(organizationId,
                    required(namespace, "name"), "cli"));
            System.out.println("Created key '" + key.key().name() + "' for organization " + key.key().organizationId());
            ConsoleOutput.printKey(System.out, key);
        } catch (ValidationException invalid) {
            throw new IllegalArgumentException(String.join("; ", invalid.details().values()));
        }
    }
}
