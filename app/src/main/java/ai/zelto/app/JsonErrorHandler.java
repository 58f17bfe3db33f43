package ai.zelto.app;

import ai.zelto.adapters.http.common.SecurityHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the API — a malformed request line or URI, control characters
 * in headers, headers too large — in the contract's JSON shape instead of Jetty's HTML page. The body names the
 * standard reason phrase only, never Jetty's detail.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        decorate(headers);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        decorate(fields);
        return ByteBuffer.wrap(body(status));
    }

    private static void decorate(HttpFields.Mutable headers) {
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        SecurityHeaders.HEADERS.forEach(headers::put);
    }

    static byte[] body(int status) {
        String reason = HttpStatus.getMessage(status);
        return ("{\"error\":\"" + (reason == null ? "HTTP " + status : reason) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
