package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;
import static org.medpub.cms.it.WorkflowStoryTests.assertState;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The notifications inbox of the editorial UI over HTTP: a submit puts an entry in every medical
 * reviewer's inbox and a rejection one in the author's, each worded in the reader's UI language;
 * the unread count in the header falls as entries are marked read; and entries are there while
 * the mail server is down, for people without an e-mail address too. Each test works with
 * accounts of its own (made on the users page, without an e-mail address), so that counts are
 * exact while other tests tell the demo users things.
 */
abstract class InboxTests {

    static final String PASSWORD = "a long initial password";
    private static final Pattern OLDER = Pattern.compile("href=\"([^\"]*[?&](?:amp;)?before=\\d+[^\"]*)\"");
    private static final Pattern UNREAD_BADGE = Pattern.compile("<span class=\"badge\" aria-hidden=\"true\">(\\d+)</span>");

    final Api reviewer = Api.as("reviewer");

    @Test
    void aSubmitTellsEveryMedicalReviewerInTheirInbox() {
        String author = user("author");
        String newReviewer = user("medical-reviewer");
        String marker = unique("inbox-submit");
        String en = draft(author, marker);

        assertState(take(Api.as(author, PASSWORD), en, step("submit")), 200, "in_review");

        assertEquals(DatabaseRows.count("select count(*) from app_user u join app_user_role r on r.user_id = u.id"
                        + " where r.role = 'medical-reviewer'"),
                DatabaseRows.count("select count(*) from inbox_entry where title like ? and kind = 'REVIEW_REQUESTED'",
                        "%" + marker + "%"),
                "every medical reviewer, with or without an e-mail address, is asked");
        // the suite's re-reviews are all due soon, so a new reviewer is also told of each: the request may be on an older page
        String page = pageShowing(signIn(newReviewer), marker);
        assertTrue(page.contains("Review requested"), page);
        assertTrue(page.contains(marker), page);
        assertTrue(page.contains(author + " submitted revision 1 for medical review. No reviewer is assigned"), page);
        assertTrue(page.contains("/admin/edit.xhtml?article=" + articleId(en) + "&amp;locale=en"), "the title opens the editor");
        assertEquals(DatabaseRows.count("select count(*) from app_user u join app_user_role r on r.user_id = u.id"
                        + " where r.role = 'medical-reviewer' and u.email <> ''"),
                DatabaseRows.count("select count(*) from mail_outbox where subject like ?", "%" + marker + "%"),
                "mail only to those with an address");
        assertEquals(0, DatabaseRows.count("select count(*) from inbox_entry where title like ? and recipient = ?",
                "%" + marker + "%", author), "nobody is told of their own step");
    }

    @Test
    void aRejectionTellsTheAuthorWithTheComment() {
        String author = user("author");
        String marker = unique("inbox-reject");
        String en = draft(author, marker);
        assertState(take(Api.as(author, PASSWORD), en, step("submit")), 200, "in_review");

        assertState(take(reviewer, en, step("reject", "Please cite the 2024 guideline.")), 200, "draft");

        var inbox = signIn(author);
        String page = inbox.get("/admin/inbox.xhtml").body();
        assertTrue(page.contains("Changes requested"), page);
        assertTrue(page.contains("reviewer rejected revision 1 in medical review"), page);
        assertTrue(page.contains("Please cite the 2024 guideline."), page);
        assertTrue(page.contains("1 unread notification"), page);
        assertEquals("1", unreadBadge(page), "the header counts it");
    }

    @Test
    void theUnreadCountFallsAsEntriesAreRead() {
        String author = user("author");
        for (int i = 0; i < 3; i++) {
            String en = draft(author, unique("inbox-read"));
            assertState(take(Api.as(author, PASSWORD), en, step("submit")), 200, "in_review");
            assertState(take(reviewer, en, step("reject", "Not yet.")), 200, "draft");
        }
        var inbox = signIn(author);
        String page = inbox.get("/admin/inbox.xhtml").body();
        assertEquals("3", unreadBadge(page));
        assertTrue(page.contains("3 unread notifications"), page);

        inbox.submit("inbox", Map.of(), "inbox:entries:0:markRead");
        page = inbox.last.body();
        assertEquals("2", unreadBadge(page));
        assertTrue(page.contains("2 unread notifications"), page);
        assertEquals(2, DatabaseRows.count("select count(*) from inbox_entry where recipient = ? and read_at is null", author));

        inbox.submit("inbox", Map.of(), "inbox:markAllRead");
        page = inbox.last.body();
        assertTrue(page.contains("2 notifications marked as read."), page);
        assertTrue(page.contains("No unread notifications"), page);
        assertEquals(null, unreadBadge(page), "no badge when nothing is unread");
        assertFalse(page.contains("inbox:markAllRead"), "nothing left to mark");
        assertEquals(3, DatabaseRows.count("select count(*) from inbox_entry where recipient = ?", author),
                "read entries stay in the inbox");
    }

    @Test
    void entriesArriveWhileTheMailServerIsUnreachable() {
        String author = user("author");
        String marker = unique("inbox-nomail");
        String en = draft(author, marker);
        Mailbox.goDown();
        try {
            assertState(take(Api.as(author, PASSWORD), en, step("submit")), 200, "in_review");
            assertState(take(reviewer, en, step("reject", "Shorter, please.")), 200, "draft");

            var inbox = signIn(author);
            String page = inbox.get("/admin/inbox.xhtml").body();
            assertTrue(page.contains(marker) && page.contains("Changes requested"), page);
            assertEquals(1, DatabaseRows.count("select count(*) from inbox_entry where title like ? and recipient = 'reviewer'"
                    + " and kind = 'REVIEW_REQUESTED'", "%" + marker + "%"), "the reviewers were asked");
            assertEquals(DatabaseRows.count("select count(*) from mail_outbox where subject like ?", "%" + marker + "%"),
                    DatabaseRows.count("select count(*) from mail_outbox where subject like ? and sent_at is null",
                            "%" + marker + "%"), "the mails wait in the outbox");
        } finally {
            Mailbox.comeBack();
        }
    }

    @Test
    void entriesAreWordedInTheReadersUiLanguage() {
        String author = user("author");
        String marker = unique("inbox-ar");
        String en = draft(author, marker);
        assertState(take(Api.as(author, PASSWORD), en, step("submit")), 200, "in_review");
        assertState(take(reviewer, en, step("reject", "Please cite the 2024 guideline.")), 200, "draft");

        var inbox = new AdminSession().with("Accept-Language", "ar");
        inbox.signIn(author, PASSWORD);
        String page = inbox.get("/admin/inbox.xhtml").body();
        assertTrue(page.contains("lang=\"ar\" dir=\"rtl\""), page);
        assertTrue(page.contains("<h1>صندوق الوارد</h1>"), page);
        assertTrue(page.contains("مطلوب إجراء تعديلات"), "the kind, in Arabic: " + page);
        assertTrue(page.contains("رفض reviewer النسخة رقم"), "what happened, in Arabic: " + page);
        assertTrue(page.contains("إشعار واحد غير مقروء"), "the unread count, in Arabic: " + page);
        assertTrue(page.contains(marker) && page.contains("Please cite the 2024 guideline."),
                "the title and the comment as they were written: " + page);
        assertFalse(page.contains("Changes requested"), page);
    }

    /** A new account with this role and no e-mail address, made by the admin on the users page. */
    static String user(String role) {
        String name = unique("in").replace("-", "");
        var admin = signIn("admin", "demo");
        admin.get("/admin/users.xhtml");
        admin.submit("account", Map.of("account:userName", name, "account:displayName", "Inbox " + role,
                "account:password", PASSWORD, "account:roles", role), "account:save");
        assertTrue(admin.last.body().contains("User " + name + " created."), admin.last.body());
        return name;
    }

    private static AdminSession signIn(String user) {
        return signIn(user, PASSWORD);
    }

    private static AdminSession signIn(String user, String password) {
        var session = new AdminSession();
        session.signIn(user, password);
        assertEquals(200, session.last.statusCode());
        assertTrue(session.last.body().contains("Signed in as " + user), session.last.body());
        return session;
    }

    private static String draft(String author, String marker) {
        var created = Api.as(author, PASSWORD).post("/api/articles",
                with(article(marker), "title", "Sleep and migraine " + marker));
        assertEquals(201, created.status(), created::toString);
        return RevisionApiTests.path(created) + "/locales/en";
    }

    private static String articleId(String variantPath) {
        return variantPath.replaceAll(".*/articles/(\\d+)/.*", "$1");
    }

    /** The inbox page that shows the marker, reached through the "Older" links as a reader of the inbox would. */
    private static String pageShowing(AdminSession inbox, String marker) {
        String page = inbox.get("/admin/inbox.xhtml").body();
        Matcher older = OLDER.matcher(page);
        for (int pages = 1; !page.contains(marker) && older.find() && pages < 50; pages++) {
            page = inbox.get(older.group(1).replace("&amp;", "&")).body();
            older = OLDER.matcher(page);
        }
        return page;
    }

    /** The number the header's inbox link shows, or null when it shows none. */
    private static String unreadBadge(String page) {
        Matcher badge = UNREAD_BADGE.matcher(page);
        return badge.find() ? badge.group(1) : null;
    }
}
