package org.medpub.cms.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.StatementCount;

/**
 * With {@code cms.diagnostics.query-count=true}, every answer says how many SQL statements it cost, as
 * {@code Server-Timing: db;desc="queries";dur=N} (the count, not milliseconds: browsers' developer
 * tools and load tools show the header as it is). The answer is buffered (up to 1 MiB), its flushes held back, so
 * that the statements of rendering count too; a longer one streams without the header. Off by default: it
 * costs a buffer per request.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class StatementCountHeader extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final int BUFFER_BYTES = 1 << 20;

    @Inject
    @ConfigProperty(name = "cms.diagnostics.query-count")
    boolean counting;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!counting) {
            chain.doFilter(request, response);
            return;
        }
        response.setBufferSize(BUFFER_BYTES);
        StatementCount.start();
        try {
            chain.doFilter(request, new HeldBack(response));
        } finally {
            int statements = StatementCount.stop();
            if (!response.isCommitted() && statements >= 0) {
                response.setHeader("Server-Timing", "db;desc=\"queries\";dur=" + statements);
            }
        }
    }

    /**
     * The answer as the application sees it: its flushes, closes and announced length wait until the count is in
     * the header.
     */
    private static final class HeldBack extends HttpServletResponseWrapper {
        private ServletOutputStream body;

        HeldBack(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                ServletOutputStream out = super.getOutputStream();
                body = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return body;
        }

        @Override
        public void flushBuffer() {
            // held back: the container sends the answer when the request ends, after the filter wrote the header
        }

        // a response whose announced length is written is complete, and committed at once: the
        // container counts the length of the buffered answer itself

        @Override
        public void setContentLength(int length) {
        }

        @Override
        public void setContentLengthLong(long length) {
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
