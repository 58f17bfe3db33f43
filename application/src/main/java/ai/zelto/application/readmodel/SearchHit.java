package ai.zelto.application.readmodel;

import java.util.List;

/**
 * Where a search matched in one conversation: the first turn holding the words (or, failing that, any of them),
 * and a short excerpt of it split into plain and matched parts, so that adapters can mark the matches while
 * escaping everything.
 *
 * @param turnIndex zero-based; -1 when the words matched outside the turns (customer, external id)
 */
public record SearchHit(int turnIndex, List<Fragment> snippet) {
    public SearchHit {
        snippet = List.copyOf(snippet);
    }

    /** A piece of the excerpt; {@code matched} pieces are the searched words. */
    public record Fragment(String text, boolean matched) {
    }

    /** The excerpt as plain text. */
    public String text() {
        StringBuilder plain = new StringBuilder();
        snippet.forEach(fragment -> plain.append(fragment.text()));
        return plain.toString();
    }
}
