package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * What readers see of the topic taxonomy: topics named in a locale, and the published articles
 * whose live revisions name them (a revision's topic string is a {@code topic_term} of the topic).
 * Every article query joins on the live revision, so a draft never shows, nor a topic that only
 * drafts name. One statement each.
 */
@ApplicationScoped
@Transactional
public class PublishedTopics {

    /** How many related articles an article page shows. */
    public static final int RELATED = 4;

    /** Published articles in a locale that name any topic of the given set, by revision: the exists clause of the queries. */
    private static final String NAMES_TOPIC = " exists (select 1 from revision_topic rt join topic_term tt on tt.term = rt.topic"
            + " where rt.revision_id = r.id and tt.topic_id ";

    @PersistenceContext
    EntityManager em;

    /** A topic as named in a locale. */
    public record NamedTopic(long id, String name, String slug) {
    }

    /** An article in a list: its live slug, title and summary. */
    public record Listed(String slug, String title, String summary) {
    }

    /** A page of a topic's articles and how many there are in all (0 when the page is empty). */
    public record ListPage(List<Listed> articles, long total) {
    }

    public Optional<NamedTopic> bySlug(String locale, String slug) {
        List<?> rows = em.createNativeQuery("select topic_id, name, slug from topic_locale where locale = ?1 and slug = ?2")
                .setParameter(1, locale)
                .setParameter(2, slug)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new NamedTopic(((Number) row[0]).longValue(), (String) row[1], (String) row[2])).findFirst();
    }

    /** The topic's articles published in the locale, most recently published first, with their count. */
    public ListPage articles(long topicId, String locale, long offset, int size) {
        List<?> rows = em.createNativeQuery("select r.slug, r.title, r.summary, count(*) over () from variant v"
                        + " join revision r on r.id = v.live_revision_id"
                        + " where v.locale = ?1 and v.published_at is not null" + PublishedArticles.ONLY_ARTICLES + " and"
                        + NAMES_TOPIC + "= ?2)"
                        + " order by v.published_at desc, v.id desc offset ?3 rows fetch next ?4 rows only")
                .setParameter(1, locale)
                .setParameter(2, topicId)
                .setParameter(3, offset)
                .setParameter(4, size)
                .getResultList();
        List<Object[]> found = rows.stream().map(row -> (Object[]) row).toList();
        return new ListPage(found.stream().map(PublishedTopics::listed).toList(),
                found.isEmpty() ? 0 : ((Number) found.get(0)[3]).longValue());
    }

    /** The topics a revision names that have a name in the locale, in the revision's order. */
    public List<NamedTopic> ofRevision(long revisionId, String locale) {
        List<?> rows = em.createNativeQuery("select tl.topic_id, tl.name, tl.slug, min(rt.item_order) from revision_topic rt"
                        + " join topic_term tt on tt.term = rt.topic"
                        + " join topic_locale tl on tl.topic_id = tt.topic_id and tl.locale = ?2"
                        + " where rt.revision_id = ?1 group by tl.topic_id, tl.name, tl.slug order by 4")
                .setParameter(1, revisionId)
                .setParameter(2, locale)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new NamedTopic(((Number) row[0]).longValue(), (String) row[1], (String) row[2])).toList();
    }

    /**
     * Up to {@link #RELATED} other articles published in the locale that share a topic with the
     * revision, most recently published first.
     */
    public List<Listed> related(long revisionId, long articleId, String locale) {
        List<?> rows = em.createNativeQuery("select r.slug, r.title, r.summary from variant v"
                        + " join revision r on r.id = v.live_revision_id"
                        + " where v.locale = ?1 and v.published_at is not null and v.article_id <> ?2"
                        + PublishedArticles.ONLY_ARTICLES + " and" + NAMES_TOPIC
                        + "in (select tt2.topic_id from revision_topic rt2 join topic_term tt2 on tt2.term = rt2.topic"
                        + " where rt2.revision_id = ?3))"
                        + " order by v.published_at desc, v.id desc fetch first ?4 rows only")
                .setParameter(1, locale)
                .setParameter(2, articleId)
                .setParameter(3, revisionId)
                .setParameter(4, RELATED)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).map(PublishedTopics::listed).toList();
    }

    private static Listed listed(Object[] row) {
        return new Listed((String) row[0], (String) row[1], (String) row[2]);
    }
}
