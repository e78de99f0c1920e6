package org.medpub.cms.site.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import org.medpub.cms.platform.boundary.CanonicalPath;
import org.medpub.cms.platform.boundary.JsonProvider;
import org.medpub.cms.platform.boundary.Problem;
import org.medpub.cms.platform.boundary.ProblemAnswers;
import org.medpub.cms.platform.control.Messages;
import org.medpub.cms.site.control.ReaderPages;

/**
 * The body of errors that the container answers itself (a missing or wrong password, an
 * unknown address, an expired preview link): under {@code /api} a problem, like every other API
 * error and titled in the caller's language like them ({@link ProblemAnswers}); under
 * {@code /admin/} the editorial UI's own error page ({@value #ADMIN_ERROR_VIEW}, in its layout and
 * UI language); elsewhere the reader site's one "not found" page, so nothing tells a reader
 * whether something exists unpublished.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    /** The editorial UI's error page (admin/boundary/AdminError), named by its address: the site knows nothing of the admin. */
    static final String ADMIN_ERROR_VIEW = "/admin/error.xhtml";
    /** The errors the editorial UI shows as its own page; a 503 keeps its short page, which needs no database. */
    private static final Set<Integer> ADMIN_PAGE_STATUSES = Set.of(403, 404, 405, 500);

    @Inject
    ReaderPages pages;

    @Inject
    SiteAddress address;

    @Inject
    ProblemAnswers answers;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : response.getStatus();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean api = uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
        boolean admin = uri instanceof String path && path.startsWith(request.getContextPath() + "/admin/")
                && CanonicalPath.isCanonical(path);
        if (admin && ADMIN_PAGE_STATUSES.contains(status)) {
            response.setStatus(status);
            // shown as a fresh page: a refused post's fields (its view state above all) are not the error page's
            request.getRequestDispatcher(ADMIN_ERROR_VIEW).forward(new AsPageRequest(request), response);
            return;
        }
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

    /** The failed request as a plain GET of a page, without the parameters it came with. */
    private static final class AsPageRequest extends HttpServletRequestWrapper {

        AsPageRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
