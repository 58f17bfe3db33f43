package ai.zelto.application.readmodel;

import java.util.List;

/** One page of phone calls, newest first; {@code next} is the opaque cursor of the next page, or null. */
public record PhoneCallPage(List<PhoneCallView> data, String next) {
    public PhoneCallPage {
        data = List.copyOf(data);
    }
}
