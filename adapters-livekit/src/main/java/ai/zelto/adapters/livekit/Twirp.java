package ai.zelto.adapters.livekit;

import ai.zelto.application.port.out.LiveKit;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.protobuf.ProtoConverterFactory;

/**
 * What LiveKit's two services here share on the wire: one HTTP client per service (every timeout bounded, no
 * redirects), a Retrofit service per server with the protobuf converter, and the words of a Twirp error.
 */
final class Twirp {
    private Twirp() {
    }

    /** @param timeout the longest one call may take, connection included */
    static OkHttpClient http(Duration timeout) {
        return new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
                .callTimeout(timeout).followRedirects(false).build();
    }

    /** The SDK's Retrofit interface of a service on the endpoint's server. */
    static <S> S service(OkHttpClient http, LiveKit.Endpoint endpoint, Class<S> type) {
        String base = endpoint.serverUrl().endsWith("/") ? endpoint.serverUrl() : endpoint.serverUrl() + "/";
        return new Retrofit.Builder().baseUrl(base).client(http).addConverterFactory(ProtoConverterFactory.create())
                .build().create(type);
    }

    /** The body of an unsuccessful answer, at most 500 characters; empty when there is none. */
    static String errorBody(Response<?> response) {
        try (ResponseBody error = response.errorBody()) {
            String detail = error == null ? "" : error.string();
            return detail.substring(0, Math.min(500, detail.length()));
        } catch (IOException unreadable) {
            return "";
        }
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
