package org.medpub.cms.site.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import org.medpub.cms.platform.boundary.JsonProvider;
import org.medpub.cms.platform.boundary.Problem;
import org.medpub.cms.platform.boundary.ProblemAnswers;
import org.medpub.cms.platform.control.Messages;
import org.medpub.cms.site.control.ReaderPages;

/**
 * The body of errors that the container answers itself (a missing or wrong password, an
 * unknown address, an expired preview link): under {@code /api} a problem, like every other API
 * error and titled in the caller's language like them ({@link ProblemAnswers}); elsewhere the
 * reader site's one "not found" page, so nothing tells a reader whether something exists
 * unpublished.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    @Inject
    ReaderPages pages;

    @Inject
    SiteAddress address;

    @Inject
    ProblemAnswers answers;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : response.getStatus();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean api = uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
        if (status == 404 && !api) {
            var page = pages.notFound(address.base(request), pages.bestLocale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
            response.setStatus(404);
            response.setContentType(page.contentType());
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
            response.getOutputStream().write(page.body());
            return;
        }
        Messages words = answers.wordsFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = switch (status) {
            case 401 -> Problem.of(words, "unauthorized", 401, "This address needs a user name and password (HTTP Basic)");
            case 403 -> Problem.of(words, "forbidden", 403, "Your role may not do this");
            case 404 -> Problem.of(words, "not-found", 404, "Nothing is at this address");
            case 405 -> Problem.of(words, "method-not-allowed", 405, "This address does not take that method");
            case 503 -> Problem.of(words, "service-unavailable", 503, "The server is busy; try again in a moment");
            default -> Problem.of(words, "internal-error", status, "The request failed on the server");
        };
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, words.language().toLanguageTag());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        JsonProvider.MAPPER.writeValue(response.getOutputStream(), problem);
    }
}
