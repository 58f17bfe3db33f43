package ai.zelto.adapters.mcp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors of tools that page a list they read whole: the offset of the next page. */
final class Cursors {
    private static final String PREFIX = "o:";

    private Cursors() {
    }

    static String next(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException notOurs) {
            // below
        }
        throw new ToolError("'cursor' is not a cursor this tool gave: pass nextCursor from its last result, or"
                + " leave it out for the first page");
    }
}
