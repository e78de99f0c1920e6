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
import org.medpub.cms.article.entity.Audience;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;

/** For whom an article is written: {@code patients} (and their carers) or {@code professionals}; null when not said. */
@Path("articles/{id}/audience")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AudienceResource {

    @Inject
    ArticleDisclosures disclosures;

    @Inject
    ArticleStore store;

    @Inject
    Caller caller;

    /** The body and answer of {@code /api/articles/{id}/audience}. */
    public record AudienceView(@Size(max = 40) String audience) {

        static AudienceView of(Article article) {
            return new AudienceView(article.audience().map(Audience::value).orElse(null));
        }
    }

    @GET
    public AudienceView get(@PathParam("id") String id) {
        return AudienceView.of(PathParams.id(id).flatMap(store::find)
                .orElseThrow(() -> new BusinessException.NotFound("There is no article " + id)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public AudienceView put(@PathParam("id") String id, @NotNull @Valid AudienceView body) {
        long articleId = PathParams.id(id).orElseThrow(() -> new BusinessException.NotFound("There is no article " + id));
        return AudienceView.of(disclosures.setAudience(caller.actor(), articleId, body.audience()));
    }
}
