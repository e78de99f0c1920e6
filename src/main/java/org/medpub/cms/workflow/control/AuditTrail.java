package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.workflow.entity.AuditEvent;

/** The append-only record of what happened to an article in a locale, oldest first. */
@ApplicationScoped
@Transactional
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    void record(ArticleVariant variant, Revision revision, String action, WorkflowState from, WorkflowState to,
            String actor, String comment) {
        em.persist(new AuditEvent(variant.getArticle().getId(), variant.getLocale(), revision.getNumber(), action, from,
                to, actor, clock.instant(), comment));
    }

    public List<AuditEvent> history(long articleId, String locale) {
        return em.createQuery("select e from AuditEvent e where e.articleId = :article and e.locale = :locale"
                        + " order by e.id", AuditEvent.class)
                .setParameter("article", articleId)
                .setParameter("locale", locale)
                .getResultList();
    }

    /** The newest lines of every article's trail, newest first: the team's recent activity. */
    public List<AuditEvent> recent(int limit) {
        return em.createQuery("select e from AuditEvent e order by e.id desc", AuditEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
