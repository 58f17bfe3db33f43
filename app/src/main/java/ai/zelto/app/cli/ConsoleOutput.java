package ai.zelto.app.cli;

import ai.zelto.application.port.in.apikey.CreatedApiKey;
import ai.zelto.application.port.in.organization.CreatedOrganization;
import ai.zelto.application.port.in.people.SetupLink;
import java.io.PrintStream;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Lines meant for the person at the console. A new key's secret is printed here, once, and never logged:
 * logs are shipped and kept, the console is not.
 */
public final class ConsoleOutput {
    private ConsoleOutput() {
    }

    /**
     * @param keyWasGiven whether the key came from ZELTO_BOOTSTRAP_API_KEY: the operator knows it already, so it is
     *                    named by its prefix only and never written out
     */
    public static void printFirstKey(CreatedOrganization created, boolean keyWasGiven) {
        PrintStream out = System.out;
        out.println();
        out.println("Zelto: created organization " + created.organizationId() + " with its owner and first API key.");
        if (keyWasGiven) {
            out.println("Zelto API key: the one in ZELTO_BOOTSTRAP_API_KEY (" + created.firstKey().key().displayPrefix()
                    + "…)");
        } else {
            printKey(out, created.firstKey());
        }
        out.println();
        out.flush();
    }

    /**
     * The first owner's one-time setup link, once the server listens: absolute with {@code ZELTO_PUBLIC_URL}, else
     * on this machine's port.
     */
    public static void printSetupLink(SetupLink link, String publicUrl, Server server) {
        PrintStream out = System.out;
        out.println();
        out.println("Zelto console: set the owner's email and password at " + absolute(link, publicUrl, server));
        out.println("(this link works once, until " + link.expiresAt() + "; `users reset-password` prints a new one)");
        out.println();
        out.flush();
    }

    /** The link as a person opens it: under the public URL when there is one, else on the server's own port. */
    static String absolute(SetupLink link, String publicUrl, Server server) {
        int port = 8080;
        if (server != null) {
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof ServerConnector http && !"admin".equals(http.getName())) {
                    port = http.getLocalPort();
                    break;
                }
            }
        }
        return absolute(link, publicUrl, port);
    }

    static String absolute(SetupLink link, String publicUrl, int port) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.replaceAll("/+$", "") + link.path();
        }
        return "http://localhost:" + port + link.path();
    }

    static void printKey(PrintStream out, CreatedApiKey key) {
        out.println("Zelto API key (shown only this once; only its hash is stored): " + key.secret().value());
    }
}
