package ai.zelto.adapters.http.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per API request (logger {@code ai.zelto.access}): client, method, path, status, milliseconds.
 * Logs are shipped and kept, so credentials never reach them: the secret of hook URLs is masked, query strings
 * and headers are not logged. It replaces Dropwizard's request log, which prints request lines unchanged.
 */
@PreMatching
public final class AccessLog implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger("ai.zelto.access");
    private static final Pattern HOOK_TOKEN = Pattern.compile("/zh_[A-Za-z0-9_-]+");
    private static final String STARTED = AccessLog.class.getName() + ".started";

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
        LOG.info("{} \"{} {}\" {} {}ms", servletRequest == null ? "-" : servletRequest.getRemoteAddr(),
                request.getMethod(), masked(request.getUriInfo().getRequestUri().getRawPath()), response.getStatus(),
                millis);
    }

    /** The path with hook URL secrets replaced by {@code zh_***}. */
    public static String masked(String path) {
        return HOOK_TOKEN.matcher(path).replaceAll("/zh_***");
    }
}
