package ai.zelto.adapters.livekit;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;

/** The words of a Twirp error body ({@code {"code", "msg"}}). */
final class TwirpErrors {
    private TwirpErrors() {
    }

    /** The {@code msg} of a Twirp error, else the body, else the status. */
    static String message(String body, int status) {
        try {
            Struct.Builder json = Struct.newBuilder();
            JsonFormat.parser().merge(body, json);
            Value msg = json.getFieldsMap().get("msg");
            if (msg != null && msg.hasStringValue()) {
                return msg.getStringValue();
            }
        } catch (InvalidProtocolBufferException | RuntimeException notJson) {
            // the body itself
        }
        return body.isBlank() ? "LiveKit answered HTTP " + status : body.strip();
    }
}
