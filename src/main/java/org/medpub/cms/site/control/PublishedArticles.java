package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.medpub.cms.article.entity.ArticleVariant;

/**
 * What readers may see: only live revisions. Every query here joins on the live revision, so a
 * draft, an archived article or one never published cannot be found through it.
 */
@ApplicationScoped
@Transactional
public class PublishedArticles {

    @PersistenceContext
    EntityManager em;

    /** The variant whose live revision has this slug in this locale. */
    public Optional<ArticleVariant> bySlug(String locale, String slug) {
        return em.createQuery("select v from ArticleVariant v join v.live r where v.locale = :locale and r.slug = :slug",
                        ArticleVariant.class)
                .setParameter("locale", locale)
                .setParameter("slug", slug)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The live variant that once had this slug in this locale, for a permanent redirect to its slug of today. */
    public Optional<ArticleVariant> byFormerSlug(String locale, String slug) {
        return em.createQuery("select v from Revision r join r.variant v where v.locale = :locale and r.slug = :slug"
                        + " and v.live is not null order by r.number desc", ArticleVariant.class)
                .setParameter("locale", locale)
                .setParameter("slug", slug)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The published articles of a locale, most recently published first. */
    public List<ArticleVariant> inLocale(String locale, int limit) {
        return em.createQuery("select v from ArticleVariant v join fetch v.live where v.locale = :locale"
                        + " order by v.updatedAt desc", ArticleVariant.class)
                .setParameter("locale", locale)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Every published variant, grouped by article, for the sitemap. */
    public List<ArticleVariant> all() {
        return em.createQuery("select v from ArticleVariant v join fetch v.live join fetch v.article"
                        + " order by v.article.id, v.locale", ArticleVariant.class)
                .getResultList();
    }

    /** The published variants of one article. */
    public List<ArticleVariant> ofArticle(long articleId) {
        return em.createQuery("select v from ArticleVariant v join fetch v.live where v.article.id = :article"
                        + " order by v.locale", ArticleVariant.class)
                .setParameter("article", articleId)
                .getResultList();
    }
}
