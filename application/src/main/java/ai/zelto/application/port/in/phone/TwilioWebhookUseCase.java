package ai.zelto.application.port.in.phone;

import java.util.List;
import java.util.Map;

/**
 * Twilio's requests on an organization's hook URL: the voice webhook of a person calling the Twilio number
 * (answered with TwiML), and the status callbacks of calls.
 */
public interface TwilioWebhookUseCase {
    /**
     * One request.
     *
     * @param pathAndQuery the path and raw query string as requested, appended to the public URL to rebuild the
     *                     URL Twilio signed
     * @param requestUrl   the URL as this server saw it, used when no public URL is configured
     * @param params       the form parameters, every value of every name
     */
    record Request(String hookToken, String pathAndQuery, String requestUrl, Map<String, List<String>> params,
                   String signature) {
    }

    /** What to answer. */
    sealed interface Answer {
        /** The hook is unknown or the signature is wrong: 401, nothing done. */
        record NotSigned() implements Answer {
        }

        /** TwiML to answer with ({@code text/xml}). */
        record Twiml(String xml) implements Answer {
        }
    }

    Answer receive(Request request);
}
