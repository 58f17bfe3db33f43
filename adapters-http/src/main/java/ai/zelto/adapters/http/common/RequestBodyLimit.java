package ai.zelto.adapters.http.common;

import ai.zelto.adapters.http.error.ApiErrors;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Map;

/**
 * A cap on every request body the API binds to an object (a JSON body read into a request record, a form): at most
 * {@link #MAX_BYTES}, else {@code 413 {"error": "Payload too large"}} before anything is parsed. The largest such
 * body the API takes is an agent with a 100,000-character system prompt, at most 600 KB even with every character
 * escaped as {@code \}{@code uXXXX}, so the cap leaves room and still keeps one request from holding tens of
 * megabytes of parsed strings in memory.
 *
 * <p>Resources that read the raw body themselves ({@code InputStream}, {@code byte[]}, {@code Reader} parameters:
 * uploads, provider webhooks) and multipart bodies (audio uploads) have their own limits and are left to them. The
 * body is read here up to the cap, so a declared {@code Content-Length} over it is refused without reading at all,
 * and an undeclared (chunked) one as soon as it passes the cap. The MCP server, a servlet of its own, has its own.
 */
public final class RequestBodyLimit implements ReaderInterceptor {
    /** 2 MiB. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Class<?> type = context.getType();
        if (type == InputStream.class || type == byte[].class || type == Reader.class || !capped(context)) {
            return context.proceed();
        }
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredOver(declared)) {
            throw tooLarge();
        }
        byte[] body = context.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw tooLarge();
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** JSON and URL-encoded forms; multipart (audio uploads) streams its file part to disk under its own limit. */
    private static boolean capped(ReaderInterceptorContext context) {
        MediaType media = context.getMediaType();
        return media == null || media.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || media.getSubtype().equals("json") || media.getSubtype().endsWith("+json");
    }

    private static boolean declaredOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > MAX_BYTES;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }

    private static WebApplicationException tooLarge() {
        return new WebApplicationException(ApiErrors.of(413, "Payload too large",
                Map.of("body", "is larger than " + MAX_BYTES + " bytes (2 MiB), the most a request here may send")));
    }
}
