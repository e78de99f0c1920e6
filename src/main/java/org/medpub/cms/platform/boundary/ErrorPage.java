package org.medpub.cms.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import org.medpub.cms.platform.control.Messages;

/**
 * The body of errors that the container answers before the API is reached (a missing or wrong
 * password, an unknown address): a problem, like every other error, never a server page, titled
 * in the caller's language like every other problem ({@link ProblemAnswers}).
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    @Inject
    ProblemAnswers answers;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : response.getStatus();
        Messages words = answers.wordsFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = switch (status) {
            case 401 -> Problem.of(words, "unauthorized", 401, "This address needs a user name and password (HTTP Basic)");
            case 403 -> Problem.of(words, "forbidden", 403, "Your role may not do this");
            case 404 -> Problem.of(words, "not-found", 404, "Nothing is at this address");
            case 405 -> Problem.of(words, "method-not-allowed", 405, "This address does not take that method");
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
