package org.medpub.cms.workflow.control;

import java.time.Instant;
import org.medpub.cms.article.entity.WorkflowState;

/**
 * Fired inside the transaction of every workflow transition, so that other parts of the product
 * (notifications, the page cache) can react without the workflow knowing them. Observers that
 * must only act on what was committed use {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}.
 *
 * @param rule          the workflow's rule the step followed: its action and flags
 * @param revision      the revision the transition concerns (for publish, the one that went live)
 * @param assignedReviewer the reviewer the variant is assigned to, or null
 * @param revisionAuthor who saved that revision
 */
public record WorkflowTransitioned(long articleId, String locale, String title, TransitionRule rule,
        WorkflowState from, WorkflowState to, int revision, String actor, String comment, String assignedReviewer,
        String revisionAuthor, Instant at) {

    public WorkflowAction action() {
        return rule.action();
    }
}
