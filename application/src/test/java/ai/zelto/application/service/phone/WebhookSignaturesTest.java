package ai.zelto.application.service.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Meta's and Twilio's signatures: the published known-answer vectors (telephony reference §3.2 and §4.2), and
 * Twilio's own {@code RequestValidator} both ways — it accepts what Zelto signs, Zelto accepts what it signs —
 * over seeded random requests, the {@code :443} rule included.
 */
class WebhookSignaturesTest {
    private static final String META_SECRET = "test-app-secret";

    @Test
    void meta_matchesThePublishedVectors_overTheBytesAsSent() {
        assertThat(WebhookSignatures.meta(bytes("{\"object\":\"whatsapp_business_account\",\"entry\":[]}"), META_SECRET))
                .isEqualTo("sha256=c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dc");
        byte[] escaped = bytes("{\"name\":\"Jos\\u00e9\"}");
        assertThat(WebhookSignatures.meta(escaped, META_SECRET))
                .isEqualTo("sha256=6a6dab6e97b4e5af61274397d5fca564d283ce273cd9d4cfec7e49326ac1c73a");
        assertThat(WebhookSignatures.meta(bytes("{\"name\":\"José\"}"), META_SECRET))
                .isEqualTo("sha256=8c6a5b40c78f282f6c68aa121793182f304d69d28f46f02c93d72d3073c39808");
    }

    @Test
    void meta_acceptsOnlyTheRightHeader() {
        byte[] body = bytes("{\"object\":\"whatsapp_business_account\",\"entry\":[]}");
        String right = "sha256=c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dc";
        assertThat(WebhookSignatures.metaValid(body, META_SECRET, right)).isTrue();
        assertThat(WebhookSignatures.metaValid(body, META_SECRET, right.toUpperCase().replace("SHA256=", "sha256=")))
                .as("hex case does not matter").isTrue();
        assertThat(WebhookSignatures.metaValid(body, "another-secret", right)).isFalse();
        assertThat(WebhookSignatures.metaValid(bytes("{\"object\":\"whatsapp_business_account\",\"entry\":[] }"),
                META_SECRET, right)).as("one byte more").isFalse();
        assertThat(WebhookSignatures.metaValid(body, META_SECRET, right.substring(7))).as("no prefix").isFalse();
        assertThat(WebhookSignatures.metaValid(body, META_SECRET, null)).isFalse();
        assertThat(WebhookSignatures.metaValid(body, META_SECRET, "sha1=" + right.substring(7))).isFalse();
    }

    @Test
    void twilio_matchesThePublishedVectors() {
        Map<String, List<String>> docs = params("CallSid", "CA1234567890ABCDE", "Caller", "+14158675310",
                "Digits", "1234", "From", "+14158675310", "To", "+18005551212");
        assertThat(WebhookSignatures.twilio("https://example.com/myapp.php?foo=1&bar=2", docs, "12345"))
                .isEqualTo("L/OH5YylLD5NRKLltdqwSvS0BnU=");
        Map<String, List<String>> sdk = params("Caller", "+14158675309", "CallSid", "CA1234567890ABCDE", "Digits", "1234",
                "From", "+14158675309", "To", "+18005551212");
        assertThat(WebhookSignatures.twilio("https://mycompany.com/myapp.php?foo=1&bar=2", sdk, "12345"))
                .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(WebhookSignatures.twilioValid("https://mycompany.com:443/myapp.php?foo=1&bar=2", sdk, "12345",
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).as("signed without the port, requested with it").isTrue();
        assertThat(WebhookSignatures.twilioValid("https://mycompany.com/myapp.php?foo=1&bar=2", sdk, "12345",
                "kvajT1Ptam85bY51eRf/AJRuM3w=")).as("signed with :443, requested without").isTrue();
        assertThat(WebhookSignatures.twilioValid("https://mycompany.com/myapp.php?foo=1&bar=2", sdk, "54321",
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).as("another auth token").isFalse();
        assertThat(WebhookSignatures.twilioValid("https://mycompany.com/myapp.php?foo=1&bar=3", sdk, "12345",
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).as("another query").isFalse();
        assertThat(WebhookSignatures.twilioValid("https://mycompany.com/myapp.php/?foo=1&bar=2", sdk, "12345",
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).as("a trailing slash is another URL").isFalse();
    }

    @Test
    void twilio_agreesWithTwilioOwnValidator_bothWays_onRandomRequests() throws Exception {
        Random random = new Random(20261202L);
        Method twilioSigns = RequestValidator.class.getDeclaredMethod("getValidationSignature", String.class,
                Map.class);
        twilioSigns.setAccessible(true);
        for (int i = 0; i < 300; i++) {
            String token = word(random, 32);
            String url = (random.nextBoolean() ? "https" : "http") + "://" + word(random, 8).toLowerCase()
                    + ".example.com" + (random.nextInt(4) == 0 ? ":443" : "") + "/webhooks/twilio/zh_"
                    + word(random, 20) + (random.nextBoolean() ? "?call=" + word(random, 12) : "");
            Map<String, String> single = new LinkedHashMap<>();
            for (int p = random.nextInt(12); p > 0; p--) {
                single.put(word(random, 1 + random.nextInt(12)), random.nextBoolean() ? "+1" + random.nextInt(1 << 30)
                        : word(random, random.nextInt(20)) + (random.nextBoolean() ? " é&=+" : ""));
            }
            Map<String, List<String>> params = new LinkedHashMap<>();
            single.forEach((name, value) -> params.put(name, List.of(value)));
            RequestValidator twilio = new RequestValidator(token);

            String ours = WebhookSignatures.twilio(url, params, token);
            assertThat(twilio.validate(url, single, ours)).as("Twilio accepts ours: %s %s", url, single).isTrue();
            String theirs = (String) twilioSigns.invoke(twilio, url, single);
            assertThat(WebhookSignatures.twilioValid(url, params, token, theirs)).as("we accept Twilio's").isTrue();
            String wrong = WebhookSignatures.twilio(url + "x", params, token);
            assertThat(twilio.validate(url, single, wrong)).isFalse();
            assertThat(WebhookSignatures.twilioValid(url, params, token, wrong)).isFalse();
        }
    }

    @Test
    void twilio_signsEveryValueOfARepeatedParameter_sorted() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("b", List.of("2", "1"));
        params.put("a", List.of("x"));
        assertThat(WebhookSignatures.twilio("https://h/p", params, "t"))
                .isEqualTo(WebhookSignatures.twilio("https://h/p", Map.of("a", List.of("x"), "b", List.of("1", "2")),
                        "t"));
    }

    private static String word(Random random, int length) {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], List.of(pairs[i + 1]));
        }
        return params;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
