package ai.zelto.adapters.http.servlet;

import ai.zelto.adapters.http.common.SecurityHeaders;
import ai.zelto.adapters.http.error.ErrorBody;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the API — a malformed request line or URI, control characters
 * in headers, headers too large — in the contract's JSON shape instead of Jetty's HTML page. The body names the
 * standard reason phrase only, never Jetty's detail.
 */
public final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        decorate(headers);
        response.write(true, ByteBuffer.wrap(ErrorBody.ofStatus(code).toJson()), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        decorate(fields);
        return ByteBuffer.wrap(ErrorBody.ofStatus(status).toJson());
    }

    private static void decorate(HttpFields.Mutable headers) {
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        SecurityHeaders.API.forEach(headers::put);
    }
}
