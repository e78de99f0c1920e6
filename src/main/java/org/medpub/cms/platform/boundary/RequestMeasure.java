package org.medpub.cms.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.medpub.cms.platform.control.RequestFigures;
import org.medpub.cms.platform.control.RouteGroup;

/**
 * Counts and times every request the application answers, by its {@link RouteGroup}; one place for
 * all of them, so that no page or resource knows of metrics. A request that fails with an exception
 * the container answers counts as a 500.
 */
@WebFilter(filterName = "RequestMeasure", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class RequestMeasure extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    RequestFigures figures;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        RouteGroup group = RouteGroup.of(request.getRequestURI().substring(request.getContextPath().length()));
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            figures.answered(group, failed ? 500 : response.getStatus(), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
