package org.medpub.cms.article.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.medpub.cms.article.control.Readability;
import org.medpub.cms.article.entity.ArticleFields;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * {@code POST /api/readability} {@code {locale, body}}: the readability report of a Markdown text
 * not saved yet, as the editor measures the text being written; anyone signed in.
 */
@Path("readability")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReadabilityResource {

    @Inject
    Readability readability;

    @Inject
    EnabledLocales locales;

    public record Text(String locale, String body) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ReadabilityView measure(Text text) {
        if (text == null || text.locale() == null || text.locale().isBlank()) {
            throw new BusinessException.InvalidInput("locale", "required: the locale the text is written in");
        }
        String locale = locales.find(text.locale()).orElseThrow(() -> new BusinessException.InvalidInput("locale",
                "'" + text.locale() + "' is not an enabled locale; enabled are " + String.join(", ", locales.all())));
        String body = text.body() == null ? "" : text.body();
        if (body.length() > ArticleFields.BODY_MAX) {
            throw new BusinessException.InvalidInput("body", "at most " + ArticleFields.BODY_MAX + " characters");
        }
        return ReadabilityView.of(readability.of(body, locale), null);
    }
}
