package org.medpub.cms.article.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.medpub.cms.article.control.ArticleDisclosures;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * An article's own disclosure in a locale (conflicts of interest, sponsorship), shown on its page
 * in that locale under the site-wide disclosure; a blank one is removed.
 */
@Path("articles/{id}/locales/{locale}/disclosure")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    @Inject
    ArticleDisclosures disclosures;

    @Inject
    ArticleStore store;

    @Inject
    EnabledLocales locales;

    @Inject
    Caller caller;

    /** The body and answer of {@code /api/articles/{id}/locales/{locale}/disclosure}. */
    public record DisclosureView(@Size(max = 8000) String disclosure) {
    }

    @GET
    public DisclosureView get(@PathParam("id") String id, @PathParam("locale") String locale) {
        Article article = PathParams.id(id).flatMap(store::find)
                .orElseThrow(() -> new BusinessException.NotFound("There is no article " + id));
        String tag = locales.find(locale).orElseThrow(() -> new BusinessException.NotFound("'" + locale + "' is not an enabled locale"));
        return new DisclosureView(article.disclosure(tag).orElse(null));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public DisclosureView put(@PathParam("id") String id, @PathParam("locale") String locale, @NotNull @Valid DisclosureView body) {
        long articleId = PathParams.id(id).orElseThrow(() -> new BusinessException.NotFound("There is no article " + id));
        String tag = locales.find(locale).orElseThrow(() -> new BusinessException.NotFound("'" + locale + "' is not an enabled locale"));
        return new DisclosureView(disclosures.setDisclosure(caller.actor(), articleId, tag, body.disclosure())
                .disclosure(tag).orElse(null));
    }
}
