package ai.zelto.application.service.phone;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider's refusal in words a person triaging calls understands. Meta's calling errors are known by code
 * (telephony reference §1.10); LiveKit passes Meta's error on in its own message, where the code is looked for.
 */
final class ProviderWords {
    private static final Pattern CODE = Pattern.compile("\\b(13[0-9]{4})\\b");
    private static final Map<String, String> META = Map.ofEntries(
            Map.entry("138006", "the person has not given your business permission to call them on WhatsApp"),
            Map.entry("138013", "WhatsApp does not allow business-initiated calls from your number's country or"
                    + " account"),
            Map.entry("138001", "the number cannot receive WhatsApp calls (not on WhatsApp, or an old app)"),
            Map.entry("138000", "calling is not enabled on your WhatsApp number"),
            Map.entry("138002", "your number already has as many WhatsApp calls as it may have at once"),
            Map.entry("138003", "there is already a call with this person"),
            Map.entry("138005", "too many calls were placed; WhatsApp asks to wait"),
            Map.entry("138007", "the call was not connected in time"),
            Map.entry("138012", "your number reached WhatsApp's limit of business-initiated calls for 24 hours"),
            Map.entry("138014", "WhatsApp has disabled calling on your number for now (call quality)"),
            Map.entry("138021", "WhatsApp ended the call: it received no audio for a long time"),
            Map.entry("131030", "the number is not in your test number's allowed list"));
    private static final int MAX = 500;

    private ProviderWords() {
    }

    /** What went wrong, in words, with the provider's code when there is one; never longer than 500 characters. */
    static String of(String said) {
        if (said == null || said.isBlank()) {
            return "the provider gave no reason";
        }
        Matcher code = CODE.matcher(said);
        while (code.find()) {
            String words = META.get(code.group(1));
            if (words != null) {
                return words + " (WhatsApp error " + code.group(1) + ")";
            }
        }
        String plain = said.strip().replaceAll("\\s+", " ");
        return plain.length() <= MAX ? plain : plain.substring(0, MAX - 1) + "…";
    }
}
