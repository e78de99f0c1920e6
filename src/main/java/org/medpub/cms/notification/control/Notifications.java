package org.medpub.cms.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.notification.control.Recipients.Recipient;
import org.medpub.cms.notification.entity.InboxEntry;
import org.medpub.cms.notification.entity.InboxKind;
import org.medpub.cms.platform.control.AccountLocked;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.Messages;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.workflow.control.TransitionRule;
import org.medpub.cms.workflow.control.WorkflowTransitioned;

/**
 * Tells whoever must act next after a workflow step, as its rule's flags say
 * ({@link TransitionRule.Flag}): the assigned medical reviewer, or every medical reviewer when none
 * is assigned (on submit); the author of the revision, with the reviewer's comment (on reject);
 * every editor (on approve). Nobody is told of their own step. Each is told in their {@link Inbox}
 * and, when they have an address, by mail through the {@link Outbox}; both are written within the
 * step's transaction, so that they exist exactly when the step committed, and mails are sent once
 * it has. Mail off ({@link MailServer#isOn()}) never turns off the inbox: a failing or missing
 * mail server costs nothing but the mail. The owner of an account that was locked after too many
 * failed sign-ins is told so by mail, in the default locale (the sign-in form never says it, so
 * that it cannot tell anyone which accounts exist).
 */
@ApplicationScoped
public class Notifications {

    @Inject
    Outbox outbox;

    @Inject
    Inbox inbox;

    @Inject
    Recipients recipients;

    @Inject
    OutboxDelivery delivery;

    @Inject
    EnabledLocales locales;

    @Inject
    MailServer mail;

    void onStep(@Observes WorkflowTransitioned step) {
        TransitionRule rule = step.rule();
        if (rule.tellsReviewers()) {
            if (step.assignedReviewer() != null) {
                tell(recipients.user(step.assignedReviewer()).stream().toList(), step, InboxKind.REVIEW_ASSIGNED,
                        NotificationText.reviewRequested(step, true));
            } else {
                tell(recipients.withRole(Role.MEDICAL_REVIEWER), step, InboxKind.REVIEW_REQUESTED,
                        NotificationText.reviewRequested(step, false));
            }
        }
        if (rule.tellsAuthor()) {
            tell(recipients.user(step.revisionAuthor()).stream().toList(), step, InboxKind.CHANGES_REQUESTED,
                    NotificationText.changesRequested(step));
        }
        if (rule.tellsEditors()) {
            tell(recipients.withRole(Role.EDITOR), step, InboxKind.READY_TO_PUBLISH, NotificationText.readyToPublish(step));
        }
    }

    /** Once the step is committed, its notifications go out at once rather than at the next poll. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkflowTransitioned step) {
        if (mail.isOn() && step.rule().tellsAnyone()) {
            delivery.deliverSoon();
        }
    }

    void onLock(@Observes AccountLocked lock) {
        if (mail.isOn()) {
            recipients.user(lock.username()).filter(Recipient::mailable).ifPresent(owner -> {
                var text = NotificationText.accountLocked(Messages.in(Locale.forLanguageTag(locales.defaultLocale())), lock);
                outbox.put(owner.email(), text.subject(), text.body());
            });
        }
    }

    void afterLock(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountLocked lock) {
        if (mail.isOn()) {
            delivery.deliverSoon();
        }
    }

    private void tell(List<Recipient> people, WorkflowTransitioned step, InboxKind kind, NotificationText text) {
        people.stream()
                .filter(person -> !person.username().equals(step.actor()))
                .forEach(person -> {
                    inbox.put(new InboxEntry(person.username(), kind, step.articleId(), step.locale(), step.revision(),
                            step.title(), step.actor(), step.comment(), null, null, step.at()));
                    if (mail.isOn() && person.mailable()) {
                        outbox.put(person.email(), text.subject(), text.body());
                    }
                });
    }
}
