package org.medpub.cms.translation.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.translation.control.ChangesInSource;

/** What changed in the source since a translation was made, as {@link ChangesInSource} works it out. */
@Path("articles/{id}/locales/{locale}/source-changes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SourceChangesResource {

    public record SegmentView(String op, String text) {
    }

    /** {@code precision} as in the revision diff: only when the field was compared more coarsely than word by word. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldView(String field, boolean changed, List<SegmentView> segments, String precision) {
    }

    public record SourceChanges(long articleId, String locale, String sourceLocale, int from, int to,
            List<FieldView> fields) {
    }

    @Inject
    ArticleStore articles;

    @Inject
    EnabledLocales locales;

    @Inject
    ChangesInSource changesInSource;

    @GET
    public SourceChanges since(@PathParam("id") String id, @PathParam("locale") String locale) {
        Article article = PathParams.id(id).flatMap(articles::find)
                .orElseThrow(() -> new BusinessException.NotFound("There is no article " + id));
        ArticleVariant translation = locales.find(locale).flatMap(article::variant)
                .orElseThrow(() -> new BusinessException.NotFound("Article " + id + " has no version in " + locale));
        if (translation.isSource()) {
            throw new BusinessException.Conflict("not-a-translation", locale + " is the article's source locale");
        }
        ChangesInSource.Since changes = changesInSource.since(article, translation);
        return new SourceChanges(article.getId(), translation.getLocale(), article.getSourceLocale(), changes.from(),
                changes.to(), changes.fields().stream()
                        .map(f -> new FieldView(f.field(), f.changed(), f.segments().stream()
                                .map(s -> new SegmentView(s.op().name().toLowerCase(java.util.Locale.ROOT), s.text()))
                                .toList(), f.coarser()))
                        .toList());
    }
}
