package ai.zelto.app.cli;

import ai.zelto.application.port.in.apikey.CreatedApiKey;
import ai.zelto.application.port.in.organization.CreatedOrganization;
import java.io.PrintStream;

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

    static void printKey(PrintStream out, CreatedApiKey key) {
        out.println("Zelto API key (shown only this once; only its hash is stored): " + key.secret().value());
    }
}
