package org.medpub.cms.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.medpub.cms.workflow.control.ArticlesImported;
import org.medpub.cms.workflow.control.WorkflowTransitioned;

/**
 * Keeps each translation's {@code outdated} column (V28) equal to its status as
 * {@link org.medpub.cms.article.entity.TranslationStatus#of} works it out: live, and translated
 * from an older source revision than the one readers of the source see. What is live changes only
 * by a workflow step that changes what readers see or by a batch import, so the column is set
 * again, in their transaction, for the articles they touched: a handful of rows each.
 */
@ApplicationScoped
public class OutdatedTranslations {

    /** Article ids in one statement of an import's update. */
    private static final int IDS_PER_STATEMENT = 500;

    private static final String SET_OUTDATED = "update variant set outdated = exists (select 1 from article a"
            + " join variant s on s.article_id = a.id and s.locale = a.source_locale"
            + " join revision sl on sl.id = s.live_revision_id"
            + " join revision tl on tl.id = variant.live_revision_id"
            + " where a.id = variant.article_id and variant.locale <> a.source_locale and tl.source_revision < sl.revision_no)"
            + " where article_id in ";

    @PersistenceContext
    EntityManager em;

    void onStep(@Observes WorkflowTransitioned step) {
        if (step.rule().changesWhatReadersSee()) {
            update(List.of(step.articleId()));
        }
    }

    void onImport(@Observes ArticlesImported batch) {
        update(new ArrayList<>(batch.publishedLocales().keySet()));
    }

    private void update(List<Long> articles) {
        if (articles.isEmpty()) {
            return;
        }
        // the step's own changes of what is live must be in the database the statement reads
        em.flush();
        for (int from = 0; from < articles.size(); from += IDS_PER_STATEMENT) {
            List<Long> ids = articles.subList(from, Math.min(articles.size(), from + IDS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(SET_OUTDATED).append('(');
            for (int i = 0; i < ids.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?").append(i + 1);
            }
            var update = em.createNativeQuery(sql.append(')').toString());
            for (int i = 0; i < ids.size(); i++) {
                update.setParameter(i + 1, ids.get(i));
            }
            update.executeUpdate();
        }
    }
}
