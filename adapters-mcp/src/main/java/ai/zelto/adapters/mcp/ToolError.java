package ai.zelto.adapters.mcp;

/**
 * A tool's arguments are wrong: answered as a tool result with {@code isError} (so the model can correct itself),
 * never as a protocol error. The message says what to send instead.
 */
final class ToolError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToolError(String message) {
        super(message, null, false, false);
    }
}
