package org.medpub.cms.platform.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The body of errors that the container answers before the API is reached (a missing or wrong
 * password, an unknown address): a problem, like every other error, never a server page.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : response.getStatus();
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
