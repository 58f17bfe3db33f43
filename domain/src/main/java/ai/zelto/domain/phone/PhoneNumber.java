package ai.zelto.domain.phone;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A telephone number in E.164 form ({@code +15551234567}). WhatsApp writes numbers as digits without the
 * {@code +}; Twilio writes E.164; people write either, with spaces, dashes or brackets.
 */
public final class PhoneNumber {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-]");

    private PhoneNumber() {
    }

    /** The E.164 form of what a person typed or a provider sent, or empty when it is not a phone number. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(text.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        } else if (!compact.startsWith("+")) {
            compact = "+" + compact;
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /** The digits WhatsApp's APIs want: country code first, no {@code +}. */
    public static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
