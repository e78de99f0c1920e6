package org.medpub.cms.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
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
     * A page of the articles' states in one locale, newest article first, after the article id
     * {@code after}; with a status, only those in it. One statement, whatever the page's length: the
     * status is worked out in SQL by the same rules as {@link TranslationStatus#of}.
     */
    public List<TranslationState> page(String locale, TranslationStatus wanted, Long after, int limit) {
        StringBuilder sql = new StringBuilder("select * from (select a.id, a.source_locale,"
                + " case when tl.id is not null then tl.source_revision else tc.source_revision end as translated_from,"
                + " sl.revision_no as source_live,"
                + " case when a.source_locale = ?1 then 'source'"
                + " when t.id is null then 'missing'"
                + " when t.live_revision_id is null then 'in_progress'"
                + " when sl.id is not null and tl.source_revision is not null and tl.source_revision < sl.revision_no"
                + " then 'outdated' else 'current' end as status,"
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
        if (after != null) {
            sql.append(" where a.id < ?2");
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
        return rows.stream().map(row -> new TranslationState(((Number) row[0]).longValue(), locale, (String) row[1],
                TranslationStatus.ofKey((String) row[4]), number(row[2]), number(row[3]), ((Number) row[5]).intValue() == 1))
                .toList();
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
