package org.medpub.cms.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.TranslationStatus;

/** Works out, per article and locale, whether a translation is missing, in progress, current or outdated. */
@ApplicationScoped
@Transactional
public class TranslationStates {

    @PersistenceContext
    EntityManager em;

    public TranslationState of(Article article, String locale) {
        TranslationStatus status = TranslationStatus.of(article, locale);
        Optional<Revision> sourceLive = article.sourceVariant().getLive();
        Optional<ArticleVariant> translation = article.variant(locale);
        Integer translatedFrom = translation
                .map(v -> v.getLive().orElse(v.getCurrent()).getSourceRevision())
                .orElse(null);
        boolean safety = status == TranslationStatus.OUTDATED
                && safetyRelevantSince(article.sourceVariant(), translatedFrom, sourceLive.orElseThrow().getNumber());
        return new TranslationState(article.getId(), locale, article.getSourceLocale(), status, translatedFrom,
                sourceLive.map(Revision::getNumber).orElse(null), safety);
    }

    /**
     * The images whose texts a locale lacks: the images the locale's newest revision shows, else the
     * source's newest revision (what the XLIFF export offers), whose alt text or caption the source
     * language has and the locale ({@code ?1}) does not. Rows of {@code media_usage u} with the
     * source's text {@code st} and the locale's {@code mt}, for the article {@code a}, its source
     * variant {@code s} and its translation {@code t}.
     */
    private static final String IMAGES_LACKING_TEXTS = " from media_usage u"
            + " join media_text st on st.item_id = u.item_id and st.locale = a.source_locale"
            + " left join media_text mt on mt.item_id = u.item_id and mt.locale = ?1"
            + " where u.revision_id = coalesce(t.current_revision_id, s.current_revision_id)"
            + " and " + Lacking.EITHER;

    /** Which of an image's texts the locale lacks, of those its source language has: {@code st} and {@code mt} as above. */
    private static final class Lacking {
        static final String ALT = "st.alt is not null and mt.alt is null";
        static final String CAPTION = "st.caption is not null and mt.caption is null";
        static final String EITHER = "(" + ALT + " or " + CAPTION + ")";
        static final String COLUMNS = "case when " + ALT + " then 1 else 0 end, case when " + CAPTION + " then 1 else 0 end";
    }

    /**
     * A page of the articles' states in one locale, newest article first, after the article id
     * {@code after}; with a status, only those in it. Two statements, whatever the page's length: the
     * status is worked out in SQL by the same rules as {@link TranslationStatus#of}, except that a
     * translation that would be current is missing while an image it shows lacks its alt text or
     * caption in the locale; the second statement names those texts.
     */
    public List<TranslationState> page(String locale, TranslationStatus wanted, Long after, int limit) {
        StringBuilder sql = new StringBuilder("select * from (select a.id, a.source_locale,"
                + " case when tl.id is not null then tl.source_revision else tc.source_revision end as translated_from,"
                + " sl.revision_no as source_live,"
                + " case when a.source_locale = ?1 then 'source'"
                + " when t.id is null then 'missing'"
                + " when t.live_revision_id is null then 'in_progress'"
                + " when sl.id is not null and tl.source_revision is not null and tl.source_revision < sl.revision_no"
                + " then 'outdated'"
                + " when exists (select 1" + IMAGES_LACKING_TEXTS + ") then 'missing'"
                + " else 'current' end as status,"
                + " case when a.source_locale <> ?1 and sl.id is not null and tl.source_revision < sl.revision_no"
                + " and exists (select 1 from revision r where r.variant_id = s.id and r.safety_relevant = true"
                + " and r.revision_no > tl.source_revision and r.revision_no <= sl.revision_no)"
                + " then 1 else 0 end as safety"
                + " from article a"
                + " join variant s on s.article_id = a.id and s.locale = a.source_locale"
                + " left join revision sl on sl.id = s.live_revision_id"
                + " left join variant t on t.article_id = a.id and t.locale = ?1"
                + " left join revision tl on tl.id = t.live_revision_id"
                + " left join revision tc on tc.id = t.current_revision_id");
        List<String> where = new ArrayList<>();
        if (after != null) {
            where.add("a.id < ?2");
        }
        if (wanted == TranslationStatus.OUTDATED) {
            // a range of the index on the column kept by OutdatedTranslations, not a look at every article
            where.add("t.outdated = true");
        }
        if (!where.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", where));
        }
        sql.append(") state");
        if (wanted != null) {
            sql.append(" where state.status = ?3");
        }
        sql.append(" order by state.id desc limit ").append(limit);
        var query = em.createNativeQuery(sql.toString()).setParameter(1, locale);
        if (after != null) {
            query.setParameter(2, after);
        }
        if (wanted != null) {
            query.setParameter(3, wanted.key());
        }
        List<Object[]> rows = query.getResultList();
        Map<Long, List<String>> lacking = lackingTexts(locale, rows.stream().map(row -> ((Number) row[0]).longValue()).toList());
        return rows.stream().map(row -> {
            long article = ((Number) row[0]).longValue();
            return new TranslationState(article, locale, (String) row[1], TranslationStatus.ofKey((String) row[4]),
                    number(row[2]), number(row[3]), ((Number) row[5]).intValue() == 1,
                    lacking.getOrDefault(article, List.of()));
        }).toList();
    }

    /** The texts each article's images lack in the locale, as XLIFF unit ids, in one statement. */
    @SuppressWarnings("unchecked")
    private Map<Long, List<String>> lackingTexts(String locale, List<Long> articles) {
        if (articles.isEmpty()) {
            return Map.of();
        }
        // the ids are the page's own, read from the database a moment ago: numbers, not input
        String ids = articles.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<Object[]> rows = em.createNativeQuery("select a.id, u.item_id, " + Lacking.COLUMNS
                        + " from article a"
                        + " join variant s on s.article_id = a.id and s.locale = a.source_locale"
                        + " left join variant t on t.article_id = a.id and t.locale = ?1"
                        + " join media_usage u on u.revision_id = coalesce(t.current_revision_id, s.current_revision_id)"
                        + " join media_text st on st.item_id = u.item_id and st.locale = a.source_locale"
                        + " left join media_text mt on mt.item_id = u.item_id and mt.locale = ?1"
                        + " where a.id in (" + ids + ") and a.source_locale <> ?1 and " + Lacking.EITHER
                        + " order by a.id, u.item_id")
                .setParameter(1, locale)
                .getResultList();
        return unitIds(rows, row -> ((Number) row[0]).longValue(), 1);
    }

    /**
     * For each translation of the articles, in whatever locale, the texts its newest revision's
     * images lack in its locale, as XLIFF unit ids; in one statement. Keyed by
     * {@code articleId + "/" + locale}; a translation that lacks none is left out.
     */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> lackingTexts(List<Long> articles) {
        if (articles.isEmpty()) {
            return Map.of();
        }
        // the ids are the caller's page, read from the database: numbers, not input
        String ids = articles.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<Object[]> rows = em.createNativeQuery("select a.id, t.locale, u.item_id, " + Lacking.COLUMNS
                        + " from article a"
                        + " join variant t on t.article_id = a.id and t.locale <> a.source_locale"
                        + " join media_usage u on u.revision_id = t.current_revision_id"
                        + " join media_text st on st.item_id = u.item_id and st.locale = a.source_locale"
                        + " left join media_text mt on mt.item_id = u.item_id and mt.locale = t.locale"
                        + " where a.id in (" + ids + ") and " + Lacking.EITHER
                        + " order by a.id, t.locale, u.item_id")
                .getResultList();
        return unitIds(rows, row -> ((Number) row[0]).longValue() + "/" + row[1], 2);
    }

    /** Rows of a key, an item and the two flags of {@link Lacking#COLUMNS} from {@code itemColumn}, as unit ids by key. */
    private static <K> Map<K, List<String>> unitIds(List<Object[]> rows, Function<Object[], K> key, int itemColumn) {
        Map<K, Set<String>> lacking = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Set<String> texts = lacking.computeIfAbsent(key.apply(row), k -> new LinkedHashSet<>());
            long item = ((Number) row[itemColumn]).longValue();
            if (((Number) row[itemColumn + 1]).intValue() == 1) {
                texts.add(ImageUnits.altId(item));
            }
            if (((Number) row[itemColumn + 2]).intValue() == 1) {
                texts.add(ImageUnits.captionId(item));
            }
        }
        Map<K, List<String>> lists = new LinkedHashMap<>();
        lacking.forEach((k, texts) -> lists.put(k, List.copyOf(texts)));
        return lists;
    }

    private static Integer number(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private boolean safetyRelevantSince(ArticleVariant source, Integer translatedFrom, int sourceLive) {
        return em.createQuery("select count(r) from Revision r where r.variant = :source and r.safetyRelevant = true"
                        + " and r.number > :from and r.number <= :to", Long.class)
                .setParameter("source", source)
                .setParameter("from", translatedFrom == null ? 0 : translatedFrom)
                .setParameter("to", sourceLive)
                .getSingleResult() > 0;
    }
}
