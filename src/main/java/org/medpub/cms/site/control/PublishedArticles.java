package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.workflow.control.AuditTrail;
import org.medpub.cms.workflow.control.EditorialWorkflow;
import org.medpub.cms.workflow.control.TransitionRule;
import org.medpub.cms.workflow.entity.AuditEvent;

/**
 * What readers may see: only live revisions. Every query here joins on the live revision, so a
 * draft, an archived article or one never published cannot be found through it.
 * <p>
 * The queries are read-only (EclipseLink's {@code eclipselink.read-only}): pages only read what they find, so
 * EclipseLink need not copy the entities into the transaction and compare them at commit.
 */
@ApplicationScoped
@Transactional
public class PublishedArticles {

    /** EclipseLink's query hint (QueryHints.READ_ONLY): the entities are not registered in the transaction. */
    public static final String READ_ONLY = "eclipselink.read-only";

    @PersistenceContext
    EntityManager em;

    /**
     * The published variants of the article whose live revision has this slug in this locale, in
     * one query: that variant and its alternates in the other locales. Empty when there is none.
     */
    public List<ArticleVariant> withAlternatesBySlug(String locale, String slug) {
        List<ArticleVariant> variants = em.createQuery("select v from ArticleVariant v join fetch v.live join fetch v.current join fetch v.article"
                        + " where v.article.id in (select w.article.id from ArticleVariant w join w.live r"
                        + " where w.locale = :locale and r.slug = :slug) order by v.article.id, v.locale", ArticleVariant.class)
                .setHint(READ_ONLY, true)
                .setParameter("locale", locale)
                .setParameter("slug", slug)
                .getResultList();
        // a live slug names one article per locale; should two ever share it, keep the first one's
        Long article = variants.stream().filter(v -> v.getLocale().equals(locale) && v.getLive().orElseThrow().getSlug().equals(slug))
                .map(v -> v.getArticle().getId()).findFirst().orElse(null);
        return variants.stream().filter(v -> v.getArticle().getId().equals(article)).toList();
    }

    /**
     * The live variant that readers once saw under this slug in this locale, for a permanent
     * redirect to its slug of today. Only a revision that was published counts: a slug that only
     * drafts ever had would tell anyone that the draft exists, and what it is about.
     */
    public Optional<ArticleVariant> byFormerSlug(String locale, String slug) {
        return em.createQuery("select v from Revision r join r.variant v where v.locale = :locale and r.slug = :slug"
                        + " and v.live is not null and exists (select e.id from AuditEvent e where e.articleId = v.article.id"
                        + " and e.locale = v.locale and e.revision = r.number and e.to = :published)"
                        + " order by r.number desc", ArticleVariant.class)
                .setHint(READ_ONLY, true)
                .setParameter("locale", locale)
                .setParameter("slug", slug)
                .setParameter("published", WorkflowState.PUBLISHED)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The published articles of a locale, most recently published first. */
    public List<ArticleVariant> inLocale(String locale, int limit) {
        return em.createQuery("select v from ArticleVariant v join fetch v.live where v.locale = :locale"
                        + " order by v.updatedAt desc", ArticleVariant.class)
                .setHint(READ_ONLY, true)
                .setParameter("locale", locale)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Every published variant, grouped by article, for the sitemap. */
    public List<ArticleVariant> all() {
        return em.createQuery("select v from ArticleVariant v join fetch v.live join fetch v.article"
                        + " order by v.article.id, v.locale", ArticleVariant.class)
                .setHint(READ_ONLY, true)
                .getResultList();
    }

    /** A step of the audit trail that changed what readers see of an article in a locale. */
    public record Change(long articleId, String locale, Instant at) {
    }

    /** The steps that changed what readers see, recorded after this instant, from the audit trail. */
    public List<Change> changesSince(Instant since) {
        List<String> actions = EditorialWorkflow.rules().stream().filter(TransitionRule::changesWhatReadersSee)
                .map(rule -> rule.action().key()).collect(Collectors.toCollection(ArrayList::new));
        // a batch import's line: it may have published the variant
        actions.add(AuditTrail.IMPORT);
        return em.createQuery("select e from AuditEvent e where e.at > :since and e.action in :actions", AuditEvent.class)
                .setHint(READ_ONLY, true)
                .setParameter("since", since)
                .setParameter("actions", actions)
                .getResultStream()
                .map(event -> new Change(event.getArticleId(), event.getLocale(), event.getAt()))
                .toList();
    }
}
