package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.apikey.Admission;
import ai.zelto.application.port.in.apikey.AdmitRequestUseCase;
import ai.zelto.application.port.in.apikey.AuthenticatedKey;
import ai.zelto.application.port.in.apikey.PresentedKey;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The key check of {@code /mcp}, before the SDK sees a request: the same {@code Authorization: Bearer} or
 * {@code X-API-Key} and the same admission (revocation, rate limit) as the JSON API, answered the same way —
 * 401 {@code {"error": "Unauthorized"}} with {@code WWW-Authenticate}, 429 with {@code Retry-After}. The admitted
 * key rides on the request to the tools.
 */
final class McpKeyFilter implements Filter {
    static final String KEY_ATTRIBUTE = "zelto.mcp.key";

    private final AdmitRequestUseCase admit;

    McpKeyFilter(AdmitRequestUseCase admit) {
        this.admit = admit;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response); // the transport answers 405: there is no stream to open here
            return;
        }
        Optional<PresentedKey> key = PresentedKey.fromHeaders(request.getHeader("Authorization"),
                request.getHeader("X-API-Key"));
        Admission admission = key.map(admit::admit).orElseGet(Admission.Unauthorized::new);
        if (admission instanceof Admission.Admitted admitted) {
            request.setAttribute(KEY_ATTRIBUTE, admitted.key());
            chain.doFilter(request, response);
        } else if (admission instanceof Admission.Throttled throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            error(response, 429, "Too many requests");
        } else {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"zelto\"");
            error(response, 401, "Unauthorized");
        }
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** The key a tool call runs as. */
    static AuthenticatedKey keyOf(Object attribute) {
        if (attribute instanceof AuthenticatedKey key) {
            return key;
        }
        throw new IllegalStateException("an MCP request reached a tool without a key: is the filter mapped?");
    }
}
