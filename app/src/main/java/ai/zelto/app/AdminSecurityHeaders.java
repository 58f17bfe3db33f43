package ai.zelto.app;

import ai.zelto.adapters.http.common.SecurityHeaders;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The API's security headers on the admin port too (health checks, metrics), which Jersey does not answer. */
final class AdminSecurityHeaders implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        SecurityHeaders.HEADERS.forEach(http::setHeader);
        http.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
