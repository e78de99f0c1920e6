package org.medpub.cms.platform.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.medpub.cms.platform.control.RequestId;

/**
 * Gives every request an id ({@link RequestId}: the caller's or a proxy's {@code X-Request-Id} when
 * sane, else a new one), sends it back as {@code X-Request-Id} and marks the log records written
 * meanwhile with it. Requests the sign-in refuses before any filter runs (401 on {@code /api}) carry none.
 */
@WebFilter(filterName = "RequestIdHeader", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class RequestIdHeader extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String HEADER = "X-Request-Id";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestId.of(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        RequestId.begin(id);
        try {
            chain.doFilter(request, response);
        } finally {
            RequestId.end();
        }
    }
}
