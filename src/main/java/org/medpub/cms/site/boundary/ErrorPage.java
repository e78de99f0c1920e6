package org.medpub.cms.site.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.medpub.cms.platform.boundary.JsonProvider;
import org.medpub.cms.platform.boundary.Problem;
import org.medpub.cms.site.control.ReaderPages;

/**
 * The body of errors that the container answers itself (a missing or wrong password, an
 * unknown address, an expired preview link): under {@code /api} a problem, like every other API
 * error; elsewhere the reader site's one "not found" page, so nothing tells a reader whether
 * something exists unpublished.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    @Inject
    ReaderPages pages;

    @Inject
    SiteAddress address;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : response.getStatus();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean api = uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
        if (status == 404 && !api) {
            var page = pages.notFound(address.base(request), pages.bestLocale(request.getHeader("Accept-Language")));
            response.setStatus(404);
            response.setContentType(page.contentType());
            response.setHeader("Content-Language", page.contentLanguage());
            response.getOutputStream().write(page.body());
            return;
        }
        Problem problem = switch (status) {
            case 401 -> Problem.of("unauthorized", "Sign in first", 401,
                    "This address needs a user name and password (HTTP Basic)");
            case 403 -> Problem.of("forbidden", "Not permitted", 403, "Your role may not do this");
            case 404 -> Problem.of("not-found", "Not found", 404, "Nothing is at this address");
            case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405, "This address does not take that method");
            default -> Problem.of("internal-error", "Internal error", status, "The request failed on the server");
        };
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        JsonProvider.MAPPER.writeValue(response.getOutputStream(), problem);
    }
}
