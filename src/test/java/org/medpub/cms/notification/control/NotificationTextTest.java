package org.medpub.cms.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.control.AccountLocked;
import org.medpub.cms.platform.control.Messages;
import org.medpub.cms.workflow.control.EditorialWorkflow;
import org.medpub.cms.workflow.control.WorkflowAction;
import org.medpub.cms.workflow.control.WorkflowTransitioned;

class NotificationTextTest {

    private static WorkflowTransitioned step(WorkflowAction action, String actor, String comment) {
        return new WorkflowTransitioned(42, "es", "Migraña",
                EditorialWorkflow.rules().stream().filter(rule -> rule.action() == action).findFirst().orElseThrow(),
                WorkflowState.IN_REVIEW,
                WorkflowState.DRAFT, 3, actor, comment, "reviewer", "author", Instant.parse("2026-11-22T08:00:00Z"));
    }

    @Test
    void aRejectionNamesTheArticleWhoDidWhatAndTheComment() {
        var text = NotificationText.changesRequested(step(WorkflowAction.REJECT, "reviewer", "Cite the 2024 guideline."));

        assertEquals("Changes requested: Migraña (es)", text.subject());
        assertTrue(text.body().startsWith("reviewer rejected revision 3 of \"Migraña\" (es)"), text.body());
        assertTrue(text.body().contains("Article:  42\n"), text.body());
        assertTrue(text.body().contains("Locale:   es\n"), text.body());
        assertTrue(text.body().contains("Revision: 3\n"), text.body());
        assertTrue(text.body().contains("Comment:  Cite the 2024 guideline.\n"), text.body());
        assertTrue(text.body().contains("API:      /api/articles/42/locales/es\n"), text.body());
    }

    @Test
    void aStepWithoutCommentHasNoCommentLine() {
        var text = NotificationText.reviewRequested(step(WorkflowAction.SUBMIT, "author", null), true);

        assertEquals("Review requested: Migraña (es)", text.subject());
        assertTrue(text.body().contains("assigned to you"), text.body());
        assertFalse(text.body().contains("Comment:"), text.body());
    }

    @Test
    void aReReviewSaysWhenItIsDue() {
        var text = NotificationText.reReviewDue(42, "en", "Living with migraine", 2,
                Instant.parse("2025-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:00:00Z"), true);

        assertEquals("Re-review overdue: Living with migraine (en)", text.subject());
        assertTrue(text.body().contains("was due again on 2026-11-01; it was last signed off on 2025-11-01"),
                text.body());
    }

    @Test
    void severalReReviewsAreOneMailListingEach() {
        var dues = new java.util.ArrayList<NotificationText.ReReviewDue>();
        for (int i = 1; i <= 60; i++) {
            dues.add(new NotificationText.ReReviewDue(i, "en", "Article " + i, 1, Instant.parse("2025-11-01T10:00:00Z"),
                    Instant.parse("2026-11-01T10:00:00Z"), i == 1));
        }
        var text = NotificationText.reReviewsDue(dues);

        assertEquals("Re-review overdue: Article 1 (en) and 59 more", text.subject());
        assertTrue(text.body().startsWith("60 published articles need a medical re-review."), text.body());
        assertTrue(text.body().contains("\"Article 50\" (en), which readers see, is due again on 2026-11-01"), text.body());
        assertTrue(text.body().contains("/api/articles/50/locales/en"), text.body());
        assertFalse(text.body().contains("\"Article 51\""), text.body());
        assertTrue(text.body().contains("10 more are listed in your inbox."), text.body());
    }

    @Test
    void item9_theLockIsToldToTheOwnerInTheirLanguageWithWhenItEnds() {
        var lock = new AccountLocked("dana", 5, Instant.parse("2026-11-22T08:00:00Z"), Instant.parse("2026-11-22T08:15:00Z"));
        var english = NotificationText.accountLocked(Messages.in(Locale.ENGLISH), lock);
        assertEquals("Your account dana is locked", english.subject());
        assertTrue(english.body().contains("after 5 failed sign-ins in a row"), english.body());
        assertTrue(english.body().contains("until November 22, 2026, 8:15"), english.body());
        var german = NotificationText.accountLocked(Messages.in(Locale.GERMAN), lock);
        assertEquals("Ihr Konto dana ist gesperrt", german.subject());
        assertTrue(german.body().contains("nach 5 fehlgeschlagenen Anmeldeversuchen in Folge"), german.body());
    }
}
