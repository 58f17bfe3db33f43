package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.apikey.Admission;
import ai.zelto.application.port.in.apikey.AdmitRequestUseCase;
import ai.zelto.application.port.in.apikey.AuthenticatedKey;
import ai.zelto.application.port.in.apikey.PresentedKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key check of {@code /mcp}, before the SDK sees a request: the same {@code Authorization: Bearer} or
 * {@code X-API-Key} and the same admission (revocation, rate limit) as the JSON API, answered the same way —
 * 401 {@code {"error": "Unauthorized"}} with {@code WWW-Authenticate}, 429 with {@code Retry-After}. The admitted
 * key rides on the request to the tools. An admitted request whose {@code MCP-Protocol-Version} header names a
 * version the SDK does not serve is answered 400 with a JSON-RPC error listing the versions it does (the
 * Streamable HTTP transport's rule; the SDK's stateless transport does not check the header itself).
 */
final class McpKeyFilter implements Filter {
    static final String KEY_ATTRIBUTE = "zelto.mcp.key";

    static final String VERSION_HEADER = "MCP-Protocol-Version";

    private final AdmitRequestUseCase admit;
    private final List<String> versions;
    private final ObjectMapper json;

    McpKeyFilter(AdmitRequestUseCase admit, List<String> versions, ObjectMapper json) {
        this.admit = admit;
        this.versions = List.copyOf(versions);
        this.json = json;
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
        String version = request.getHeader(VERSION_HEADER);
        if (admission instanceof Admission.Admitted && version != null && !versions.contains(version)) {
            response.setStatus(400);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("supported", versions);
            data.put("requested", version);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", -32600);
            error.put("message", "Unsupported protocol version " + version + "; this server speaks "
                    + String.join(", ", versions));
            error.put("data", data);
            Map<String, Object> body = new LinkedHashMap<>(); // "error" first, as every error of Zelto's starts
            body.put("error", error);
            body.put("jsonrpc", "2.0");
            body.put("id", null);
            json.writeValue(response.getOutputStream(), body);
        } else if (admission instanceof Admission.Admitted admitted) {
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
