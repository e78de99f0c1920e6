package org.medpub.cms.notification.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.medpub.cms.platform.control.AccountLocked;
import org.medpub.cms.platform.control.Messages;
import org.medpub.cms.workflow.control.WorkflowTransitioned;

/**
 * What a notification says, in English for now: a subject naming what is asked and the article's
 * title and locale, and a plain-text body with who did what, the article id, locale, revision,
 * the comment if there is one, and the API path of the article. The lock of an account is told
 * in the words of the i18n bundles ({@code mail.accountLocked.*}).
 */
public record NotificationText(String subject, String body) {

    static NotificationText reviewRequested(WorkflowTransitioned step, boolean assignedToYou) {
        return new NotificationText("Review requested: " + about(step.title(), step.locale()),
                body(step.actor() + " submitted " + revisionOf(step) + " for medical review. "
                        + (assignedToYou ? "The review is assigned to you." : "No reviewer is assigned: any medical"
                        + " reviewer may take it."), step.articleId(), step.locale(), step.revision(), step.comment()));
    }

    static NotificationText changesRequested(WorkflowTransitioned step) {
        return new NotificationText("Changes requested: " + about(step.title(), step.locale()),
                body(step.actor() + " rejected " + revisionOf(step) + " in medical review and sent it back to draft."
                        + " Please revise it and submit it again.", step.articleId(), step.locale(), step.revision(),
                        step.comment()));
    }

    static NotificationText readyToPublish(WorkflowTransitioned step) {
        return new NotificationText("Ready to publish: " + about(step.title(), step.locale()),
                body(step.actor() + " approved " + revisionOf(step) + " in medical review. It can be published now.",
                        step.articleId(), step.locale(), step.revision(), step.comment()));
    }

    /** A re-review that a reminder announces. */
    record ReReviewDue(long articleId, String locale, String title, int revision, Instant lastReviewed, Instant dueAt,
            boolean overdue) {
    }

    /** The most re-reviews one reminder lists; the inbox lists them all. */
    static final int MAX_LISTED = 50;

    static NotificationText reReviewDue(long articleId, String locale, String title, int revision, Instant lastReviewed,
            Instant dueAt, boolean overdue) {
        return reReviewsDue(List.of(new ReReviewDue(articleId, locale, title, revision, lastReviewed, dueAt, overdue)));
    }

    /**
     * One reminder for all the re-reviews a check found for a reviewer, so that a new reviewer of a large library
     * gets one mail rather than one per article: the subject names the first, the body lists each.
     */
    static NotificationText reReviewsDue(List<ReReviewDue> dues) {
        ReReviewDue first = dues.get(0);
        String subject = (first.overdue() ? "Re-review overdue: " : "Re-review due: ") + about(first.title(), first.locale())
                + (dues.size() > 1 ? " and " + (dues.size() - 1) + " more" : "");
        if (dues.size() == 1) {
            return new NotificationText(subject, body(dueSentence(first) + " Please review it again.", first.articleId(), first.locale(),
                    first.revision(), null));
        }
        StringBuilder body = new StringBuilder(dues.size() + " published articles need a medical re-review."
                + " Please review them again.\n");
        dues.stream().limit(MAX_LISTED).forEach(due -> body.append("\n").append(dueSentence(due)).append("\n")
                .append("API:      /api/articles/").append(due.articleId()).append("/locales/").append(due.locale())
                .append('\n'));
        if (dues.size() > MAX_LISTED) {
            body.append("\n").append(dues.size() - MAX_LISTED).append(" more are listed in your inbox.\n");
        }
        return new NotificationText(subject, body.toString());
    }

    private static String dueSentence(ReReviewDue due) {
        return "The medical review of revision " + due.revision() + " of \"" + due.title() + "\" (" + due.locale()
                + "), which readers see, " + (due.overdue() ? "was" : "is") + " due again on " + date(due.dueAt())
                + "; it was last signed off on " + date(due.lastReviewed()) + ".";
    }

    static NotificationText accountLocked(Messages words, AccountLocked lock) {
        Map<String, Object> arguments = Map.of("user", lock.username(), "failures", lock.failedSignIns(),
                "at", lock.lockedAt().atOffset(ZoneOffset.UTC), "until", lock.lockedUntil().atOffset(ZoneOffset.UTC));
        return new NotificationText(words.format("mail.accountLocked.subject", arguments),
                words.format("mail.accountLocked.body", arguments));
    }

    private static String about(String title, String locale) {
        return title + " (" + locale + ")";
    }

    private static String revisionOf(WorkflowTransitioned step) {
        return "revision " + step.revision() + " of \"" + step.title() + "\" (" + step.locale() + ")";
    }

    private static String body(String what, long articleId, String locale, int revision, String comment) {
        StringBuilder body = new StringBuilder(what).append("\n\n")
                .append("Article:  ").append(articleId).append('\n')
                .append("Locale:   ").append(locale).append('\n')
                .append("Revision: ").append(revision).append('\n');
        if (comment != null) {
            body.append("Comment:  ").append(comment).append('\n');
        }
        return body.append("API:      /api/articles/").append(articleId).append("/locales/").append(locale).append('\n')
                .toString();
    }

    private static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
