package org.medpub.cms.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
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
     * {@code after}; with a status, only those in it.
     */
    public List<TranslationState> page(String locale, TranslationStatus wanted, Long after, int limit) {
        List<TranslationState> page = new ArrayList<>();
        Long cursor = after;
        // articles are read in batches and filtered here: the status is derived, not stored
        while (page.size() < limit) {
            var query = cursor == null
                    ? em.createQuery("select a from Article a order by a.id desc", Article.class)
                    : em.createQuery("select a from Article a where a.id < :after order by a.id desc", Article.class)
                            .setParameter("after", cursor);
            List<Article> batch = query.setMaxResults(200).getResultList();
            for (Article article : batch) {
                TranslationState state = of(article, locale);
                if (wanted == null || state.status() == wanted) {
                    page.add(state);
                    if (page.size() == limit) {
                        break;
                    }
                }
            }
            if (batch.size() < 200) {
                break;
            }
            cursor = batch.get(batch.size() - 1).getId();
        }
        return page;
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
