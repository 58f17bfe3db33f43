package ai.zelto.application.service.phone;

/**
 * The three TwiML documents Zelto answers Twilio with. Written as text: each is one fixed shape with one value,
 * escaped for an XML attribute, which a TwiML library (Twilio's SDK) or an XML writer would add nothing to.
 */
final class Twiml {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private Twiml() {
    }

    /**
     * Bridges the call into a Media Stream to LiveKit's connector. Nothing follows {@code </Connect>}: when the
     * stream ends, the call ends.
     */
    static String connect(String streamUrl) {
        return HEAD + "<Response><Connect><Stream url=\"" + attribute(streamUrl) + "\"/></Connect></Response>";
    }

    /** Refuses the call before it is answered: the caller hears busy, and nobody pays for it. */
    static String reject() {
        return HEAD + "<Response><Reject reason=\"busy\"/></Response>";
    }

    /** Says why nobody can answer, then hangs up: for a call that was to be answered but cannot be. */
    static String sorry() {
        return HEAD + "<Response><Say>Sorry, nobody can take your call right now. Please try again later.</Say>"
                + "<Hangup/></Response>";
    }

    /** Nothing to do (a status callback). */
    static String empty() {
        return HEAD + "<Response/>";
    }

    static String attribute(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c < 0x20 ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
