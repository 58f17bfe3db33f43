package ai.zelto.application.text;

/**
 * A JSON string literal, escaped as RFC 8259 requires (quote, backslash, control characters). Hand-written: the
 * application module depends on no JSON library, and the bodies it writes for ingestion need only this.
 */
public final class JsonText {
    private JsonText() {
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
