package ai.zelto.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** A LiveKit server: rooms with agents dispatched, participant tokens, and the webhooks it signs. */
public interface LiveKit {
    /**
     * A LiveKit server and the API key Zelto uses with it.
     *
     * @param url as configured: {@code ws(s)://} or {@code http(s)://}
     */
    record Endpoint(String url, String apiKey, String apiSecret) {
        public Endpoint {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(apiSecret, "apiSecret");
        }

        /** The URL browsers connect to: {@code ws(s)://}. */
        public String browserUrl() {
            return swapScheme(url, "http", "ws");
        }

        /** The URL server calls go to: {@code http(s)://}. */
        public String serverUrl() {
            return swapScheme(url, "ws", "http");
        }

        private static String swapScheme(String url, String from, String to) {
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.startsWith(from + "://") || lower.startsWith(from + "s://")) {
                return to + url.substring(from.length());
            }
            return url;
        }

        @Override
        public String toString() {
            return "Endpoint[url=" + url + ", apiKey=" + apiKey + "]";
        }
    }

    /** The worker to dispatch into a new room, and the metadata its job receives. */
    record Dispatch(String agentName, String metadata) {
    }

    /**
     * A participant's token.
     *
     * @param identity who they are in the room; {@code name} what others see
     */
    record Participant(String roomName, String identity, String name, Duration validity) {
    }

    /** A verified webhook event: the API key that signed it and what it says. */
    record Verified(String apiKey, String apiSecret, Event event) {
    }

    /**
     * The parts of a webhook event Zelto acts on.
     *
     * @param createdAt when LiveKit emitted it, or null
     * @param recordings the locations of the files an {@code egress_ended} event reports complete
     */
    record Event(String id, String type, String roomName, Instant createdAt, List<String> recordings) {
        public Event {
            recordings = recordings == null ? List.of() : List.copyOf(recordings);
        }
    }

    /** Creates the room with the worker dispatched into it, in one request. */
    void createRoom(Endpoint endpoint, String roomName, Dispatch dispatch) throws Failure;

    /** Deletes the room; a room that does not exist (any more) is not a failure. */
    void deleteRoom(Endpoint endpoint, String roomName) throws Failure;

    /** A participant token that may join, publish, subscribe and publish data in that room only. */
    String participantToken(Endpoint endpoint, Participant participant);

    /**
     * Verifies a webhook as LiveKit signs it (a JWT from the key in its {@code iss}, with a {@code sha256} claim of
     * the body) and reads it.
     *
     * @param secretsOf the secrets Zelto knows for an API key (none when the key is unknown)
     * @return empty when it does not verify
     */
    Optional<Verified> verifyWebhook(byte[] body, String authorization, Function<String, List<String>> secretsOf,
                                     Instant now);

    /** LiveKit could not be reached, or refused; the message is for the log, never for callers. */
    class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
