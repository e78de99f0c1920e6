package org.medpub.cms.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.notification.control.NotificationText.ReReviewDue;
import org.medpub.cms.notification.control.Recipients.Recipient;
import org.medpub.cms.notification.entity.InboxEntry;
import org.medpub.cms.notification.entity.InboxKind;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.workflow.control.ReReviews;
import org.medpub.cms.workflow.control.ReReviews.Due;

/**
 * Reminds the medical reviewers of re-reviews: every published variant that {@link ReReviews}
 * lists (due within {@code cms.review.due-soon}, or overdue) is announced to each medical
 * reviewer once per due date, in their {@link Inbox} and, while mail is on and they have an
 * address, in one mail per reviewer and check that lists what is new to them. The inbox remembers
 * what was announced under a dedupe key, so a restart does not announce it again; a new sign-off
 * sets a new due date, which is announced in its turn.
 */
@ApplicationScoped
public class ReReviewReminders {

    private static final String KEY_PREFIX = "re-review/";
    /** Re-reviews due read in one statement. */
    static final int PAGE = 500;
    /** Inbox entries one check makes at most. */
    static final int MOST_PER_CHECK = 1000;

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
    MailServer mail;

    /**
     * Announces each due re-review to each reviewer not told of it yet: an inbox entry each, and one mail per
     * reviewer listing them all; how many mails it put in the outbox. The re-reviews due are read
     * {@link #PAGE} at a time, soonest first, and one check announces at most {@link #MOST_PER_CHECK}: a large
     * library that falls due at once is announced over the next checks, in bounded memory.
     */
    @Transactional
    public int announceDue() {
        List<Recipient> reviewers = recipients.withRole(Role.MEDICAL_REVIEWER);
        if (reviewers.isEmpty()) {
            return 0;
        }
        Map<Recipient, List<ReReviewDue>> news = new LinkedHashMap<>();
        int announced = 0;
        ReReviews.After after = null;
        while (announced < MOST_PER_CHECK) {
            List<Due> dues = reReviews.dueOrOverdue(after, PAGE);
            if (dues.isEmpty()) {
                break;
            }
            Set<String> told = inbox.held(dues.stream()
                    .flatMap(due -> reviewers.stream().map(reviewer -> key(due, reviewer)))
                    .toList());
            for (Due due : dues) {
                for (Recipient reviewer : reviewers) {
                    String key = key(due, reviewer);
                    if (told.contains(key) || announced >= MOST_PER_CHECK) {
                        continue;
                    }
                    inbox.put(new InboxEntry(reviewer.username(),
                            due.overdue() ? InboxKind.RE_REVIEW_OVERDUE : InboxKind.RE_REVIEW_DUE,
                            due.articleId(), due.locale(), due.liveRevision(), due.title(), null,
                            null, due.dueAt(), key, clock.instant()));
                    news.computeIfAbsent(reviewer, r -> new ArrayList<>()).add(new ReReviewDue(due.articleId(),
                            due.locale(), due.title(), due.liveRevision(), due.lastReviewed(), due.dueAt(), due.overdue()));
                    announced++;
                }
            }
            Due last = dues.get(dues.size() - 1);
            after = new ReReviews.After(last.lastReviewed(), last.variantId());
        }
        int mailed = 0;
        for (var told : news.entrySet()) {
            Recipient reviewer = told.getKey();
            if (mail.isOn() && reviewer.mailable()) {
                NotificationText text = NotificationText.reReviewsDue(told.getValue());
                outbox.putOnce(mailKey(reviewer, told.getValue()), reviewer.email(), text.subject(), text.body());
                mailed++;
            }
        }
        return mailed;
    }

    private static String key(Due due, Recipient reviewer) {
        return KEY_PREFIX + due.variantId() + "/" + due.dueAt() + "/" + reviewer.username();
    }

    /** The inbox keys already make an announcement once per cluster; the mail's key says the same of the mail. */
    private static String mailKey(Recipient reviewer, List<ReReviewDue> dues) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(reviewer.username().getBytes(StandardCharsets.UTF_8));
            dues.forEach(due -> sha.update(("/" + due.articleId() + "/" + due.locale() + "/" + due.dueAt())
                    .getBytes(StandardCharsets.UTF_8)));
            return "re-reviews/" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
