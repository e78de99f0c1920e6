package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.workflow.entity.MedicalReview;
import org.medpub.cms.workflow.entity.ReviewDecision;

/**
 * What medical reviewers decided about a locale of an article, newest first: whether the last
 * word on it asked for changes, and which revision was last signed off, for the comparison a
 * reviewer is shown. Read-only: a review is never changed.
 */
@ApplicationScoped
@Transactional
public class MedicalReviews {

    @PersistenceContext
    EntityManager em;

    /** The newest decision on any revision of the variant: approval, re-approval or rejection. */
    public Optional<MedicalReview> lastDecision(ArticleVariant variant) {
        return em.createQuery("select m from MedicalReview m where m.variant = :variant order by m.reviewedAt desc, m.id desc",
                        MedicalReview.class)
                .setHint("eclipselink.read-only", true)
                .setParameter("variant", variant)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The newest approval or re-approval of any revision of the variant. */
    public Optional<MedicalReview> lastSignOff(ArticleVariant variant) {
        return em.createQuery("select m from MedicalReview m where m.variant = :variant and m.decision <> :rejected"
                        + " order by m.reviewedAt desc, m.id desc", MedicalReview.class)
                .setHint("eclipselink.read-only", true)
                .setParameter("variant", variant)
                .setParameter("rejected", ReviewDecision.REJECTED)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
