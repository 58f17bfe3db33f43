package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.apikey.AuthenticatedKey;
import java.util.Map;
import java.util.Set;

/** One read-only tool: its definition and what it answers for a caller. */
interface ZeltoTool {
    /** Who calls, and where the console is (every result links to what it names). */
    record Caller(AuthenticatedKey key, String consoleBase) {
        String url(String path) {
            return consoleBase + path;
        }
    }

    String name();

    String title();

    String description();

    /** The argument names the input schema declares: any other is a {@link ToolError}. */
    Set<String> arguments();

    /** A JSON Schema (object) of the arguments. */
    String inputSchema();

    /** A JSON Schema (object) of the structured result. */
    String outputSchema();

    /**
     * The structured result.
     *
     * @throws ToolError for arguments that cannot be served, with what to send instead
     */
    Map<String, Object> call(Caller caller, Arguments arguments);
}
