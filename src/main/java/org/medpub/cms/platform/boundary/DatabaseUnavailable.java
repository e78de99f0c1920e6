package org.medpub.cms.platform.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.medpub.cms.platform.control.DatabaseOutage;
import org.medpub.cms.platform.control.Messages;

/**
 * The answer while the database cannot be reached ({@link DatabaseOutage}): 503 with
 * {@code Retry-After}, a problem under {@code /api} and a short page elsewhere (reader pages and
 * the editorial UI), never a 500 or a stack trace. As a filter it answers for whatever a servlet
 * (the reader site, Faces) failed with; the API's problem mapper and the sign-in use
 * {@link #answer} directly.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseUnavailable implements Filter {

    static final String TYPE = "database-unavailable";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            answer((HttpServletRequest) request, (HttpServletResponse) response, e);
        }
    }

    /** Reports the failure to {@link DatabaseOutage} and answers 503; the response must not be committed yet. */
    public static void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        DatabaseOutage outage = CDI.current().select(DatabaseOutage.class).get();
        outage.failed(failure);
        Messages words = CDI.current().select(ProblemAnswers.class).get().wordsFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(outage.retryAfterSeconds()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, words.language().toLanguageTag());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
            JsonProvider.MAPPER.writeValue(response.getOutputStream(),
                    Problem.of(words, TYPE, 503, "The database cannot be reached; try again later"));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            String title = escape(words.text(Problem.titleKey(TYPE)));
            String language = words.language().toLanguageTag();
            String direction = java.util.Set.of("ar", "fa", "he", "ur").contains(words.language().getLanguage()) ? "rtl" : "ltr";
            String page = "<!DOCTYPE html>\n<html lang=\"" + language + "\" dir=\"" + direction + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                    + "</title></head><body><main><h1>" + title + "</h1><p>" + escape(words.text("site.unavailable.text"))
                    + "</p></main></body></html>\n";
            response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        }
        response.flushBuffer();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
