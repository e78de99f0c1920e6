package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.medpub.cms.article.entity.Article;
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
    /** A condition on a variant {@code v}: it is of an article, not of a statement, which is no reader page of its own. */
    static final String ONLY_ARTICLES = " and exists (select 1 from article k where k.id = v.article_id and k.kind = 'article')";

    @PersistenceContext
    EntityManager em;

    /**
     * The published variants of the article whose live revision has this slug in this locale, in
     * one query: that variant and its alternates in the other locales. Empty when there is none.
     */
    public List<ArticleVariant> withAlternatesBySlug(String locale, String slug) {
        List<ArticleVariant> variants = em.createQuery("select v from ArticleVariant v join fetch v.live join fetch v.current join fetch v.article"
                        + " where v.article.id in (select w.article.id from ArticleVariant w join w.live r"
                        + " where w.locale = :locale and r.slug = :slug and w.article.kind = :kind) order by v.article.id, v.locale",
                        ArticleVariant.class)
                .setHint(READ_ONLY, true)
                .setParameter("kind", Article.ARTICLE)
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
                        + " and v.live is not null and v.article.kind = :kind and exists (select e.id from AuditEvent e where e.articleId = v.article.id"
                        + " and e.locale = v.locale and e.revision = r.number and e.to = :published)"
                        + " order by r.number desc", ArticleVariant.class)
                .setHint(READ_ONLY, true)
                .setParameter("locale", locale)
                .setParameter("slug", slug)
                .setParameter("published", WorkflowState.PUBLISHED)
                .setParameter("kind", Article.ARTICLE)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * One page of the articles an index lists, most recently published first: each article once, in
     * the first of {@code locales} (nearest first, see {@link ListedLocales}) that has it published.
     * The page's ids come from the index alone ({@code variant_published} for the order,
     * {@code variant_published_article} to leave out an article published in a nearer locale), then
     * those variants: two statements whatever the page and however many locales.
     */
    public List<ArticleVariant> listed(List<String> locales, long offset, int size) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select id from (" + listedSql(locales, parameters) + ") listed"
                + " order by published_at desc, id desc offset ?" + (parameters.size() + 1)
                + " rows fetch next ?" + (parameters.size() + 2) + " rows only";
        parameters.add(offset);
        parameters.add(size);
        List<Long> ids = ((List<?>) bound(em.createNativeQuery(sql), parameters).getResultList()).stream()
                .map(id -> ((Number) id).longValue()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleVariant> byId = em.createQuery("select v from ArticleVariant v join fetch v.live where v.id in :ids",
                        ArticleVariant.class)
                .setHint(READ_ONLY, true)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(ArticleVariant::getId, v -> v));
        // one taken offline between the two queries is left out
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** How many articles an index of these locales lists ({@link #listed}). */
    public long countListed(List<String> locales) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select count(*) from (" + listedSql(locales, parameters) + ") listed";
        return ((Number) bound(em.createNativeQuery(sql), parameters).getSingleResult()).longValue();
    }

    /** How many articles are published in a locale: a range of the index {@code variant_published}. */
    public long countInLocale(String locale) {
        return countListed(List.of(locale));
    }

    /**
     * The published variants of the first locale, then per further locale those of articles
     * published in none before it. Each occurrence of a locale is a parameter of its own.
     */
    private static String listedSql(List<String> locales, List<Object> parameters) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < locales.size(); i++) {
            if (i > 0) {
                sql.append(" union all ");
            }
            parameters.add(locales.get(i));
            sql.append("select v.id, v.published_at from variant v where v.locale = ?").append(parameters.size())
                    .append(" and v.published_at is not null").append(ONLY_ARTICLES);
            if (i > 0) {
                sql.append(" and not exists (select 1 from variant w where w.article_id = v.article_id and w.locale in (");
                for (int j = 0; j < i; j++) {
                    parameters.add(locales.get(j));
                    sql.append(j > 0 ? ", ?" : "?").append(parameters.size());
                }
                sql.append(") and w.published_at is not null)");
            }
        }
        return sql.toString();
    }

    private static Query bound(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /**
     * The sitemap files of a locale, in the order of their articles, at most {@code urls} in each, with
     * the newest publication in each. A native query: aggregates through JPQL have failed on EclipseLink.
     */
    public List<SitemapFile> sitemapFiles(String locale, int urls) {
        List<?> rows = em.createNativeQuery("select f, max(published_at), count(*) from (select published_at,"
                        + " (row_number() over (order by article_id) - 1) / ?2 as f from variant"
                        + " v where locale = ?1 and published_at is not null" + ONLY_ARTICLES + ") numbered group by f order by f")
                .setParameter(1, locale)
                .setParameter(2, urls)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new SitemapFile(locale, ((Number) row[0]).intValue() + 1, instant(row[1]),
                        ((Number) row[2]).intValue()))
                .toList();
    }

    /** One sitemap file of a locale: its number (from 1), the newest publication in it, how many URLs it has. */
    public record SitemapFile(String locale, int number, Instant newest, int urls) {
    }

    /**
     * The article after whose page in this locale a sitemap file begins: the one at this position (from
     * 0) in the order of their articles. Empty when there are not that many.
     */
    public Optional<Long> articleAt(String locale, long position) {
        List<?> ids = em.createNativeQuery("select article_id from variant v where locale = ?1 and published_at is not null"
                        + ONLY_ARTICLES + " order by article_id offset ?2 rows fetch next 1 rows only")
                .setParameter(1, locale)
                .setParameter(2, position)
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).findFirst();
    }

    /** A published page of an article, for a sitemap: where it is, when it was published. */
    public record PublishedPage(long articleId, String locale, String slug, Instant publishedAt, String sourceLocale) {
    }

    /**
     * The next articles published in a locale after the given one, in the order of their articles, each
     * with its published pages in every locale (ordered by locale): one keyset chunk of a sitemap file.
     */
    public List<PublishedPage> sitemapChunk(String locale, long afterArticle, int articles) {
        List<?> rows = em.createNativeQuery("select v.article_id, v.locale, r.slug, v.published_at, a.source_locale"
                        + " from (select article_id from variant v where locale = ?1 and published_at is not null"
                        + ONLY_ARTICLES + " and article_id > ?2 order by article_id fetch first ?3 rows only) chunk"
                        + " join variant v on v.article_id = chunk.article_id join revision r on r.id = v.live_revision_id"
                        + " join article a on a.id = v.article_id"
                        + " where v.published_at is not null order by v.article_id, v.locale")
                .setParameter(1, locale)
                .setParameter(2, afterArticle)
                .setParameter(3, articles)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new PublishedPage(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        instant(row[3]), (String) row[4]))
                .toList();
    }

    /** A time as the drivers give it: PostgreSQL's a {@code Timestamp}, H2's an {@code OffsetDateTime}. */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant();
        }
        return (Instant) value;
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
