package org.medpub.cms.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.notification.control.Recipients.Recipient;
import org.medpub.cms.notification.entity.InboxEntry;
import org.medpub.cms.notification.entity.InboxKind;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.workflow.control.ReReviews;
import org.medpub.cms.workflow.control.ReReviews.Due;

/**
 * Reminds the medical reviewers of re-reviews: every published variant that {@link ReReviews}
 * lists (due within {@code cms.review.due-soon}, or overdue) is announced to each medical
 * reviewer once per due date, in their {@link Inbox} and, while mail is enabled and they have an
 * address, by mail. Inbox and outbox remember what was announced under a dedupe key, so a
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
    Inbox inbox;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cms.mail.enabled")
    boolean mailEnabled;

    /** Announces each due re-review to each reviewer not told of it yet; how many mails it put in the outbox. */
    @Transactional
    public int announceDue() {
        List<Recipient> reviewers = recipients.withRole(Role.MEDICAL_REVIEWER);
        int mailed = 0;
        for (Due due : reReviews.dueOrOverdue()) {
            ArticleVariant variant = due.variant();
            Revision live = variant.getLive().orElseThrow();
            NotificationText text = NotificationText.reReviewDue(variant.getArticle().getId(), variant.getLocale(),
                    live.getTitle(), live.getNumber(), due.lastReviewed(), due.dueAt(), due.overdue());
            for (Recipient reviewer : reviewers) {
                String key = "re-review/" + variant.getId() + "/" + due.dueAt() + "/" + reviewer.username();
                if (!inbox.holds(key)) {
                    inbox.put(new InboxEntry(reviewer.username(),
                            due.overdue() ? InboxKind.RE_REVIEW_OVERDUE : InboxKind.RE_REVIEW_DUE,
                            variant.getArticle().getId(), variant.getLocale(), live.getNumber(), live.getTitle(), null,
                            null, due.dueAt(), key, clock.instant()));
                }
                if (mailEnabled && reviewer.mailable() && !outbox.holds(key)) {
                    outbox.putOnce(key, reviewer.email(), text.subject(), text.body());
                    mailed++;
                }
            }
        }
        return mailed;
    }
}
