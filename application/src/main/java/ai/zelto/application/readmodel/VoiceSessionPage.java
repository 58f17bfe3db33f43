package ai.zelto.application.readmodel;

import java.util.List;

/** One page of voice sessions, newest first; {@code next} is the opaque cursor of the next page, or null. */
public record VoiceSessionPage(List<VoiceSessionView> data, String next) {
    public VoiceSessionPage {
        data = List.copyOf(data);
    }
}
