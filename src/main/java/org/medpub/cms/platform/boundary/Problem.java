package org.medpub.cms.platform.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIncludeProperties;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.medpub.cms.platform.control.BusinessException.FieldError;
import org.medpub.cms.platform.control.Messages;

/**
 * An error answer in the shape of RFC 9457 ({@code application/problem+json}): the one error
 * shape of the API. It never carries a stack trace. The title belongs to the type and comes from
 * the i18n bundles ({@code problem.<type>.title}); a type without a title of its own is titled
 * like any failed request ({@code problem.request-failed.title}), so a missing word never turns
 * an answer into a server error.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail,
        // what the editorial UI words in its own language stays out of the API's answer
        @JsonIncludeProperties({"field", "message"}) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "/problems/";
    private static final String UNTITLED = "request-failed";

    public static Problem of(Messages words, String type, int status, String detail) {
        return of(words, type, status, detail, List.of());
    }

    public static Problem of(Messages words, String type, int status, String detail, List<FieldError> errors) {
        String title = words.has(titleKey(type)) ? titleKey(type) : titleKey(UNTITLED);
        return new Problem(TYPE_BASE + type, words.text(title), status, detail, errors);
    }

    static String titleKey(String type) {
        return "problem." + type + ".title";
    }

    /** The answer, naming the title's language and saying that it depends on {@code Accept-Language}. */
    public Response toResponse(Locale language) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8"))
                .language(language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(this)
                .build();
    }
}
