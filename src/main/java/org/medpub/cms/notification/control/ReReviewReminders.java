package org.medpub.cms.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.notification.control.Recipients.Recipient;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.workflow.control.ReReviews;
import org.medpub.cms.workflow.control.ReReviews.Due;

/**
 * Reminds the medical reviewers of re-reviews: every published variant that {@link ReReviews}
 * lists (due within {@code cms.review.due-soon}, or overdue) is announced to each medical
 * reviewer once per due date. The outbox remembers what was announced under a dedupe key, so a
 * restart does not announce it again; a new sign-off sets a new due date, which is announced in
 * its turn.
 */
@ApplicationScoped
public class ReReviewReminders {

    @Inject
    ReReviews reReviews;

    @Inject
    Recipients recipients;

    @Inject
    Outbox outbox;

    /** Puts a reminder in the outbox for each due re-review and reviewer not told yet; how many it put. */
    @Transactional
    public int announceDue() {
        List<Recipient> reviewers = recipients.withRole(Role.MEDICAL_REVIEWER);
        int announced = 0;
        for (Due due : reReviews.dueOrOverdue()) {
            ArticleVariant variant = due.variant();
            Revision live = variant.getLive().orElseThrow();
            NotificationText text = NotificationText.reReviewDue(variant.getArticle().getId(), variant.getLocale(),
                    live.getTitle(), live.getNumber(), due.lastReviewed(), due.dueAt(), due.overdue());
            for (Recipient reviewer : reviewers) {
                String key = "re-review/" + variant.getId() + "/" + due.dueAt() + "/" + reviewer.username();
                if (!outbox.holds(key)) {
                    outbox.putOnce(key, reviewer.email(), text.subject(), text.body());
                    announced++;
                }
            }
        }
        return announced;
    }
}
