package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.Mailbox.awaitMail;
import static org.medpub.cms.it.Mailbox.body;
import static org.medpub.cms.it.Mailbox.to;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;
import static org.medpub.cms.it.WorkflowStoryTests.assertState;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Notifications over real SMTP: each step tells whoever must act next, a refused step tells
 * nobody, mails wait in the outbox while the mail server is down and go out once when it is back,
 * and a due re-review is announced once. Each test marks its article's title, since other tests
 * send mails too.
 */
abstract class NotificationTests {

    static final String REVIEWER = "reviewer@demo.invalid";

    final Api author = Api.as("author");
    final Api reviewer = Api.as("reviewer");
    final Api editor = Api.as("editor");

    @Test
    void eachStepTellsWhoeverMustActNext() {
        String marker = unique("notify");
        String en = draft(marker);
        assertEquals(200, editor.put(en + "/assignment", Map.of("reviewer", "reviewer"), null).status());

        assertState(take(author, en, step("submit")), 200, "in_review");
        MimeMessage requested = awaitMail(marker, to(REVIEWER, "Review requested: Sleep and migraine " + marker + " (en)"));
        assertTrue(body(requested).contains("author submitted revision 1"), body(requested));
        assertEquals(1, notifications(marker), "the assigned reviewer alone is asked");

        assertState(take(reviewer, en, step("reject", "Cite the 2024 guideline for the dose.")), 200, "draft");
        MimeMessage rejected = awaitMail(marker, to("author@demo.invalid", "Changes requested: "));
        assertTrue(body(rejected).contains("Comment:  Cite the 2024 guideline for the dose."), body(rejected));
        assertTrue(body(rejected).contains("API:      " + en), body(rejected));

        assertState(take(author, en, step("submit")), 200, "in_review");
        assertState(take(reviewer, en, signOff("approve")), 200, "approved");
        MimeMessage approved = awaitMail(marker, to("editor@demo.invalid", "Ready to publish: "));
        assertTrue(body(approved).contains("reviewer approved revision 1"), body(approved));
    }

    @Test
    void withoutAnAssignedReviewerEveryMedicalReviewerIsAsked() {
        String marker = unique("notify-all");
        String en = draft(marker);

        assertState(take(author, en, step("submit")), 200, "in_review");

        awaitMail(marker, to(REVIEWER, "Review requested: "));
        assertEquals(reviewers(), notifications(marker));
    }

    @Test
    void aRefusedStepTellsNobody() {
        String marker = unique("notify-refused");
        String en = draft(marker);

        assertEquals(409, take(reviewer, en, signOff("approve")).status(), "a draft is not in review");
        assertEquals(0, notifications(marker));
        assertState(take(author, en, step("submit")), 200, "in_review");
        long asked = notifications(marker);
        assertEquals(403, take(author, en, signOff("approve")).status(), "authors do not approve");

        assertEquals(asked, notifications(marker));
        assertEquals(0, DatabaseRows.count("select count(*) from mail_outbox where subject like ?",
                "Ready to publish: %" + marker + "%"));
    }

    @Test
    void mailsWaitWhileTheMailServerIsDownAndGoOutOnceWhenItIsBack() {
        String marker = unique("notify-down");
        String en = draft(marker);
        assertEquals(200, editor.put(en + "/assignment", Map.of("reviewer", "reviewer"), null).status());

        Mailbox.goDown();
        try {
            assertState(take(author, en, step("submit")), 200, "in_review");
            Mailbox.await("a failed try of the review request is recorded", () -> DatabaseRows.count(
                    "select count(*) from mail_outbox where subject like ? and attempts >= 1", like(marker)) == 1);
            Map<String, Object> waiting = DatabaseRows.row("select sent_at, last_error from mail_outbox where subject like ?",
                    like(marker));
            assertNull(waiting.get("sent_at"), waiting::toString);
            assertNotNull(waiting.get("last_error"), waiting::toString);
        } finally {
            Mailbox.comeBack();
        }

        awaitMail(marker, to(REVIEWER, "Review requested: "));
        Mailbox.await("the review request is marked sent", () -> DatabaseRows.count(
                "select count(*) from mail_outbox where subject like ? and sent_at is not null", like(marker)) == 1);
        assertEquals(1, notifications(marker));
        assertEquals(1, Mailbox.received(marker).size(), "sent once");
    }

    @Test
    void aDueReReviewIsAnnouncedOncePerDueDate() {
        // the suite lists re-reviews due within 400 days (cms.review.due-soon): a fresh sign-off is due
        String first = unique("notify-rereview");
        Workflow.publish(author, draft(first));
        awaitMail(first, to(REVIEWER, "Re-review due: Sleep and migraine " + first + " (en)"));

        // the second article's reminder comes from a later check, which must not announce the first again
        String second = unique("notify-rereview");
        Workflow.publish(author, draft(second));
        awaitMail(second, to(REVIEWER, "Re-review due: "));

        assertEquals(reviewers(), DatabaseRows.count("select count(*) from mail_outbox where subject like ?",
                "Re-review due: %" + first + "%"));
        assertEquals(1, Mailbox.received(first).stream().filter(to(REVIEWER, "Re-review due: ")).count());
    }

    private String draft(String marker) {
        var created = author.post("/api/articles", with(article(marker), "title", "Sleep and migraine " + marker));
        assertEquals(201, created.status(), created::toString);
        return RevisionApiTests.path(created) + "/locales/en";
    }


    private static long notifications(String marker) {
        return DatabaseRows.count("select count(*) from mail_outbox where subject like ?", like(marker));
    }

    /** The medical reviewers with an address: one left empty on the users page is none. */
    private static long reviewers() {
        return DatabaseRows.count("select count(*) from app_user u join app_user_role r on r.user_id = u.id"
                + " where r.role = 'medical-reviewer' and u.email <> ''");
    }

    private static String like(String marker) {
        return "%" + marker + "%";
    }
}
