package ai.zelto.application.spi.provider;

/**
 * How much structure one delivery's JSON may hold. A parsed JSON tree costs far more memory than its text:
 * ten MiB of {@code [{},{},…]} become about 280 MB of objects. Counting tokens bounds that cost whatever the
 * shape, so Zelto's parsers refuse a body with more tokens than {@link #MAX_TOKENS} or nesting deeper than
 * {@link #MAX_NESTING_DEPTH} as invalid JSON. Plugins that parse bodies themselves should apply the same limits
 * (with Jackson: {@code StreamReadConstraints.builder().maxTokenCount(MAX_TOKENS)
 * .maxNestingDepth(MAX_NESTING_DEPTH)}).
 *
 * <p>The real payloads are far below: a Retell call of two hours with word timings in both of its transcripts
 * holds about 300,000 tokens; a 30-turn canonical upload about 200.
 */
public final class JsonLimits {
    /** Tokens (every brace, bracket, name and value) in one body. */
    public static final long MAX_TOKENS = 1_000_000;
    /** Arrays and objects open at once. */
    public static final int MAX_NESTING_DEPTH = 1_000;
    /**
     * The most memory the parse of one body within these limits can cost beyond its bytes, with room for the
     * translated copy: a million tokens take at most about 56 bytes each as a Jackson tree, the same again
     * once translated.
     */
    public static final long MAX_PARSED_BYTES = 128L * 1024 * 1024;

    private JsonLimits() {
    }
}
