package org.medpub.cms.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.RevisionComparison;
import org.medpub.cms.article.control.RevisionDiff;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;

/**
 * What changed in the source since a translation was made: the word-level diff of the source
 * between the revision the translation's newest revision translates and the source's published
 * revision (its newest, when nothing is published), so the translator updates only what changed.
 * The API and the translation editor both show it.
 */
@ApplicationScoped
public class ChangesInSource {

    /** The source's changes from revision {@code from} to revision {@code to}, field by field. */
    public record Since(int from, int to, List<RevisionDiff.FieldDiff> fields) {
    }

    @Inject
    ArticleStore articles;

    @Inject
    RevisionComparison comparison;

    public Since since(Article article, ArticleVariant translation) {
        ArticleVariant source = article.sourceVariant();
        Revision target = source.getLive().orElse(source.getCurrent());
        Integer translated = translation.getCurrent().getSourceRevision();
        Revision base = articles.revision(source, translated == null ? 1 : translated).orElseThrow();
        return new Since(base.getNumber(), target.getNumber(), comparison.compare(base.content(), target.content()));
    }
}
