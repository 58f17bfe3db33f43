package ai.zelto.adapters.http.servlet;

import ai.zelto.adapters.http.common.SecurityHeaders;
import ai.zelto.adapters.http.error.ErrorBody;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * What the servlet layer answers, on both ports, follows the API's rules:
 * <ul>
 *   <li>the API's security headers are on every response, also those Jersey does not make (the admin port's
 *       health checks and metrics); a surface with a policy of its own replaces them on its responses;</li>
 *   <li>an error sent with {@code sendError} — Jersey does so for a Content-Type it cannot parse — gets the
 *       contract's JSON body instead of an empty one;</li>
 *   <li>a response to a request whose body was not read to its end (a 401, 404 or 413 is decided before the body
 *       is read) says {@code Connection: close}. The server cannot reuse such a connection; without the header a
 *       client would send its next request on a connection that is closing, and lose it.</li>
 * </ul>
 */
public final class ServletHygiene implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        decorate(http);
        Hygienic wrapped = new Hygienic((HttpServletRequest) request, http);
        chain.doFilter(request, wrapped);
        wrapped.beforeCommit();
    }

    /** The security headers, and no caching: what every answer the servlet layer makes carries. */
    private static void decorate(HttpServletResponse response) {
        SecurityHeaders.API.forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
    }

    private static final class Hygienic extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        Hygienic(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        /** Called before the status line and headers can be sent. */
        void beforeCommit() {
            if (isCommitted() || !declaresBody()) {
                return;
            }
            try {
                if (!request.getInputStream().isFinished()) {
                    setHeader("Connection", "close");
                }
            } catch (IllegalStateException readAsText) {
                // the body was read through getReader(): to its end, as Jersey's readers do
            } catch (IOException unreadable) {
                setHeader("Connection", "close");
            }
        }

        private boolean declaresBody() {
            return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            beforeCommit();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            beforeCommit();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            beforeCommit();
            super.flushBuffer();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            sendError(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            if (isCommitted()) {
                super.sendError(status);
                return;
            }
            resetBuffer();
            setStatus(status);
            setContentType("application/json");
            decorate(this);
            byte[] body = ErrorBody.ofStatus(status).toJson();
            setContentLength(body.length);
            getOutputStream().write(body);
            flushBuffer();
        }
    }
}
