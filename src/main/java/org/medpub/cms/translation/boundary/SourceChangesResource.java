package org.medpub.cms.translation.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.RevisionDiff;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.platform.boundary.PathParams;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * What changed in the source since a translation was made: the word-level diff of the source
 * between the revision the translation's newest revision translates and the source's published
 * revision (its newest, when nothing is published), so the translator updates only what changed.
 */
@Path("articles/{id}/locales/{locale}/source-changes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SourceChangesResource {

    public record SegmentView(String op, String text) {
    }

    public record FieldView(String field, boolean changed, List<SegmentView> segments) {
    }

    public record SourceChanges(long articleId, String locale, String sourceLocale, int from, int to,
            List<FieldView> fields) {
    }

    @Inject
    ArticleStore articles;

    @Inject
    EnabledLocales locales;

    @GET
    public SourceChanges since(@PathParam("id") String id, @PathParam("locale") String locale) {
        Article article = PathParams.id(id).flatMap(articles::find)
                .orElseThrow(() -> new BusinessException.NotFound("There is no article " + id));
        ArticleVariant translation = locales.find(locale).flatMap(article::variant)
                .orElseThrow(() -> new BusinessException.NotFound("Article " + id + " has no version in " + locale));
        if (translation.isSource()) {
            throw new BusinessException.Conflict("not-a-translation", locale + " is the article's source locale");
        }
        ArticleVariant source = article.sourceVariant();
        Revision target = source.getLive().orElse(source.getCurrent());
        int from = translation.getCurrent().getSourceRevision() == null ? 1 : translation.getCurrent().getSourceRevision();
        Revision base = articles.revision(source, from).orElseThrow();
        return new SourceChanges(article.getId(), translation.getLocale(), article.getSourceLocale(), base.getNumber(),
                target.getNumber(), RevisionDiff.compare(base.content(), target.content()).stream()
                        .map(f -> new FieldView(f.field(), f.changed(), f.segments().stream()
                                .map(s -> new SegmentView(s.op().name().toLowerCase(java.util.Locale.ROOT), s.text()))
                                .toList()))
                        .toList());
    }
}
