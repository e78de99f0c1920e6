package org.medpub.cms.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;

/**
 * Translations made before, to start new ones from. The memory is every article's current
 * translation into a locale, side by side with the source revision it was made from
 * ({@link TranslatableText#align}); a unit of an export matches when its source is identical to
 * a source in there ({@link Segment#key()}: same words, spaces aside, and same codes). Of
 * several matches, the most recently edited translation's wins. The memory is read afresh for
 * each export, which suits a CMS of some thousand articles.
 */
@ApplicationScoped
@Transactional
// Not final: CDI proxies application-scoped beans.
public class TranslationMemory {

    @PersistenceContext
    EntityManager em;

    /**
     * The translations into {@code targetLocale} of the articles written in {@code sourceLocale},
     * but not of the article being exported, by the key of their source segments.
     */
    public Map<String, List<Inline>> matches(long exceptArticleId, String sourceLocale, String targetLocale) {
        List<Object[]> pairs = em.createQuery("select s, t from ArticleVariant v join v.current t, Revision s"
                        + " where v.locale = :target and v.article.id <> :article and v.article.sourceLocale = :source"
                        + " and s.variant.article = v.article and s.variant.locale = :source and s.number = t.sourceRevision"
                        + " order by v.updatedAt desc, v.id desc", Object[].class)
                .setParameter("target", targetLocale)
                .setParameter("article", exceptArticleId)
                .setParameter("source", sourceLocale)
                .getResultList();
        Map<String, List<Inline>> matches = new HashMap<>();
        for (Object[] pair : pairs) {
            remember(((Revision) pair[0]).content(), ((Revision) pair[1]).content(), matches);
        }
        return matches;
    }

    /** Adds what a translation says for each unit of its source, unless a match for that source is known already. */
    static void remember(RevisionContent source, RevisionContent translation, Map<String, List<Inline>> matches) {
        for (TranslatableText.AlignedUnit unit : TranslatableText.align(source, translation)) {
            matches.putIfAbsent(unit.source().source().key(), unit.target());
        }
    }
}
