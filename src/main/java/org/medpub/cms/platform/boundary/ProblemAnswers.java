package org.medpub.cms.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.medpub.cms.platform.control.BusinessException.FieldError;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.Messages;

/**
 * Problem answers in the caller's language: the enabled locale that best fits the request's
 * {@code Accept-Language}, the default locale when nothing fits. Only the title is translated;
 * details are English for now.
 */
@ApplicationScoped
public class ProblemAnswers {

    @Inject
    EnabledLocales locales;

    /** The words for a caller who sent this {@code Accept-Language} header ({@code null} when none). */
    public Messages wordsFor(String acceptLanguage) {
        return Messages.in(Locale.forLanguageTag(locales.preferred(acceptLanguage)));
    }

    public Response answer(HttpHeaders request, String type, int status, String detail) {
        return answer(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), type, status, detail, List.of());
    }

    public Response answer(HttpHeaders request, String type, int status, String detail, List<FieldError> errors) {
        return answer(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), type, status, detail, errors);
    }

    public Response answer(String acceptLanguage, String type, int status, String detail, List<FieldError> errors) {
        Messages words = wordsFor(acceptLanguage);
        return Problem.of(words, type, status, detail, errors).toResponse(words.language());
    }

    /** The same answer written by a servlet or filter, outside JAX-RS. */
    public void send(HttpServletRequest request, HttpServletResponse response, String type, int status, String detail)
            throws IOException {
        Messages words = wordsFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, words.language().toLanguageTag());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        JsonProvider.MAPPER.writeValue(response.getOutputStream(), Problem.of(words, type, status, detail));
    }
}
