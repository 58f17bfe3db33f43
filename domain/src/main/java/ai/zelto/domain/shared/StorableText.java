package ai.zelto.domain.shared;

/**
 * Text as Zelto keeps it. Callers may send any JSON string, but some code points cannot be stored as text by
 * PostgreSQL or as valid UTF-8 at all: NUL and unpaired surrogates. They are replaced by U+FFFD so that the
 * delivery is kept rather than failed; the raw body of the delivery still holds the original bytes.
 */
public final class StorableText {
    public static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (needsReplacement(text, i)) {
                return rewrite(text, i);
            }
            if (Character.isHighSurrogate(text.charAt(i))) {
                i++;
            }
        }
        return text;
    }

    private static boolean needsReplacement(String text, int i) {
        char c = text.charAt(i);
        if (c == '\u0000') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }

    private static String rewrite(String text, int from) {
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, from);
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsReplacement(text, i)) {
                out.append(REPLACEMENT);
            } else if (Character.isHighSurrogate(c)) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
