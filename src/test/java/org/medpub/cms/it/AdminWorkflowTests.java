package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medpub.cms.it.StateFixtures.Fixture;
import org.medpub.cms.it.StateFixtures.State;

/**
 * Every workflow step of the API in the editor, over HTTP as a browser posts the forms: each
 * step changes the database as the API would, and for a role that may not take it the button is
 * not there and a forged post of it changes nothing. Also what the steps look like: the state of
 * a draft sent back, the reviewer's comment, the comparison a second review shows, the audit
 * trail in words, and times in the user's time zone.
 */
abstract class AdminWorkflowTests {

    private static final Pattern CHECKBOX = Pattern.compile("<input[^>]*type=\"checkbox\"[^>]*name=\"([^\"]+)\"");
    private static final Pattern URL_FIELD = Pattern.compile("id=\"previewLink:url\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*id=\"previewLink:url\"");

    @Test
    void aReviewerReapprovesWhatIsDueAndAnAuthorCannot() {
        Fixture article = StateFixtures.fresh(State.PUBLISHED);
        var author = signedIn("author");
        open(author, article);
        assertFalse(has(author, "workflow:reapprove"), "an author re-approves nothing");
        author.submit("workflow", Map.of(), "workflow:reapprove");
        assertEquals(0, reapprovals(article));

        var reviewer = signedIn("reviewer");
        String page = open(reviewer, article);
        assertTrue(has(reviewer, "workflow:reapprove"), page);
        assertTrue(page.contains("Re-review of the published revision 1: last reviewed "), page);
        reviewer.submit("workflow", checklist(reviewer), "workflow:reapprove");
        assertTrue(reviewer.last.body().contains("Confirmed after re-review"), reviewer.last.body());
        assertEquals(1, reapprovals(article));
        assertEquals("published", state(article));
    }

    @Test
    void anEditorAssignsAndUnassignsAReviewerAReviewerOnlyThemselvesAnAuthorNobody() {
        Fixture article = StateFixtures.fresh(State.IN_REVIEW);
        var author = signedIn("author");
        open(author, article);
        assertFalse(author.last.body().contains("id=\"assignment\""), "no assignment for an author");
        Map<String, String> forged = new HashMap<>(author.fields("workflow"));
        forged.put("assignment", "assignment");
        forged.put("assignment:assignee", "reviewer");
        forged.put("assignment:assign", "Assign");
        author.post(editorPath(article), forged);
        assertEquals("-", assigned(article));

        var editor = signedIn("editor");
        String page = open(editor, article);
        assertTrue(page.contains("<label for=\"assignment:assignee\""), "the select is labelled: " + page);
        assertTrue(page.contains(">Dr. Rana Reviewer (reviewer)</option>"), page);
        assertFalse(page.contains(">Eddie Editor (editor)</option>"), "only those who review are offered");
        assertTrue(page.contains("No reviewer is assigned"), page);
        editor.submit("assignment", Map.of("assignment:assignee", "reviewer"), "assignment:assign");
        assertEquals("reviewer", assigned(article));
        assertTrue(editor.last.body().contains("The review is assigned to Dr. Rana Reviewer (reviewer)."), editor.last.body());
        assertTrue(editor.last.body().contains("Assigned to Dr. Rana Reviewer."), "the audit trail in words");
        editor.submit("assignment", Map.of(), "assignment:unassign");
        assertEquals("-", assigned(article));
        assertTrue(editor.last.body().contains("The review is no longer assigned to anyone."), editor.last.body());

        // a reviewer is offered only themselves, and cannot give the review back
        var reviewer = signedIn("reviewer");
        page = open(reviewer, article);
        String offered = page.substring(page.indexOf("<form id=\"assignment\""));
        offered = offered.substring(0, offered.indexOf("</form>"));
        assertTrue(offered.contains(">Dr. Rana Reviewer (reviewer)</option>"), offered);
        assertEquals(1, offered.split("<option").length - 1, offered);
        reviewer.submit("assignment", Map.of("assignment:assignee", "reviewer"), "assignment:assign");
        assertEquals("reviewer", assigned(article));
        assertFalse(has(reviewer, "assignment:unassign"));
        reviewer.submit("assignment", Map.of(), "assignment:unassign");
        assertEquals("reviewer", assigned(article));
    }

    @Test
    void aReviewerMakesAPreviewLinkThatOpensTheArticleAnAuthorMakesNone() {
        Fixture article = StateFixtures.fresh(State.IN_REVIEW);
        var author = signedIn("author");
        open(author, article);
        assertFalse(author.last.body().contains("id=\"previewLink\""));
        Map<String, String> forged = new HashMap<>(author.fields("workflow"));
        forged.put("previewLink", "previewLink");
        forged.put("previewLink:make", "Create a preview link");
        author.post(editorPath(article), forged);
        assertFalse(author.last.body().contains("/preview/"), author.last.body());

        var reviewer = signedIn("reviewer");
        open(reviewer, article);
        reviewer.submit("previewLink", Map.of(), "previewLink:make");
        String page = reviewer.last.body();
        assertTrue(page.contains("Preview link created. It works until "), page);
        assertTrue(page.contains("Link to revision 1, works until "), page);
        assertTrue(page.contains("id=\"copyPreviewLink\"") && page.contains("id=\"openPreviewLink\""), page);
        Matcher url = URL_FIELD.matcher(page);
        assertTrue(url.find(), page);
        String link = url.group(1) != null ? url.group(1) : url.group(2);
        assertTrue(link.startsWith(Api.siteBase() + "preview/"), link);
        var preview = Api.anonymous().get(link.substring(link.indexOf("/preview/")));
        assertEquals(200, preview.status(), preview::toString);
        assertTrue(preview.body().contains("Migraine unreviewed"), preview.body());
    }

    @Test
    void anEditorSchedulesInTheirZoneSeesTheTimeMovesAndCancelsItOthersCannot() {
        Fixture article = StateFixtures.fresh(State.APPROVED);
        var editor = signedIn("editor").cookie("cms-zone", "Europe/Berlin");
        String page = open(editor, article);
        assertTrue(page.contains("Date and time of publication, in your time zone: Central European"), page);
        assertTrue(page.contains("(Europe/Berlin)"), page);

        editor.submit("workflow", Map.of("workflow:publishAt", "not a time"), "workflow:publishLater");
        assertTrue(editor.last.body().contains("Enter the date and time of publication"), editor.last.body());
        assertEquals(0, pending(article));

        editor.submit("workflow", Map.of("workflow:publishAt", "2030-03-01T09:00"), "workflow:publishLater");
        assertEquals(Instant.parse("2030-03-01T08:00:00Z").getEpochSecond(), pendingAt(article), "stored in UTC");
        page = open(editor, article);
        assertTrue(page.contains("Revision 1 is scheduled to be published on Mar 1, 2030, 9:00"), page);
        assertTrue(page.contains(" CET."), page);
        assertTrue(page.contains("value=\"2030-03-01T09:00\""), "the field starts at the scheduled time: " + page);
        assertTrue(page.contains("Scheduled</strong>") && page.contains("To be published on Mar 1, 2030"),
                "the audit trail in words: " + page);

        // others see the schedule but cannot call it off
        for (String user : new String[] {"author", "reviewer"}) {
            var other = signedIn(user);
            assertTrue(open(other, article).contains("is scheduled to be published on"));
            assertFalse(has(other, "workflow:cancelSchedule"), user);
            other.submit("workflow", Map.of("workflow:publishAt", "2031-01-01T00:00"), "workflow:cancelSchedule");
            other.submit("workflow", Map.of("workflow:publishAt", "2031-01-01T00:00"), "workflow:publishLater");
            assertEquals(1, pending(article), user);
            assertEquals(Instant.parse("2030-03-01T08:00:00Z").getEpochSecond(), pendingAt(article), user);
        }

        open(editor, article);
        editor.submit("workflow", Map.of("workflow:publishAt", "2030-07-02T10:30"), "workflow:publishLater");
        assertEquals(1, pending(article), "moved, not doubled");
        assertEquals(Instant.parse("2030-07-02T08:30:00Z").getEpochSecond(), pendingAt(article), "summer time");
        assertTrue(editor.last.body().contains("CEST"), editor.last.body());

        assertTrue(editor.last.body().contains("data-confirm=\"Cancel the scheduled publication?"), "asked before");
        editor.submit("workflow", Map.of(), "workflow:cancelSchedule");
        assertTrue(editor.last.body().contains("The scheduled publication is cancelled."), editor.last.body());
        assertEquals(0, pending(article));
        assertEquals("approved", state(article));
        assertTrue(editor.last.body().contains("Schedule cancelled"), editor.last.body());
    }

    @Test
    void theApiCallsAScheduleOffForWhoeverMayPublish() {
        Fixture article = StateFixtures.fresh(State.APPROVED);
        var scheduled = take(Api.as("editor"), article.locale("en"), Fixtures.with(step("publish"), "publishAt",
                "2030-03-01T09:00:00+01:00"));
        assertTrue(scheduled.json().get("scheduledPublishAt").asText().startsWith("2030-03-01T08:00"), scheduled::toString);
        var refused = Api.as("author").send(Api.as("author").request(article.locale("en") + "/schedule").DELETE());
        assertEquals(403, refused.status(), refused::toString);
        assertEquals(1, pending(article));

        var cancelled = Api.as("editor").send(Api.as("editor").request(article.locale("en") + "/schedule").DELETE());
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("approved", cancelled.json().get("state").asText());
        assertFalse(cancelled.json().has("scheduledPublishAt"));
        assertEquals(0, pending(article));
        var again = Api.as("editor").send(Api.as("editor").request(article.locale("en") + "/schedule").DELETE());
        assertEquals(409, again.status(), again::toString);
        assertTrue(again.body().contains("nothing-scheduled"), again::toString);
    }

    @Test
    void anEditorUnpublishesArchivesAndRestoresOthersCannot() {
        Fixture article = StateFixtures.fresh(State.PUBLISHED);
        var reviewer = signedIn("reviewer");
        open(reviewer, article);
        assertFalse(has(reviewer, "workflow:unpublish") || has(reviewer, "workflow:archive"));
        reviewer.submit("workflow", Map.of(), "workflow:unpublish");
        reviewer.submit("workflow", Map.of(), "workflow:archive");
        assertEquals("published", state(article));

        var editor = signedIn("editor");
        open(editor, article);
        assertTrue(editor.last.body().contains("data-confirm=\"Readers will no longer see this article in English."),
                editor.last.body());
        editor.submit("workflow", Map.of(), "workflow:unpublish");
        assertEquals("draft", state(article));
        assertEquals("0", DatabaseRows.text("select coalesce(live_revision_id, 0) from variant where article_id = ?"
                + " and locale = 'en'", article.id()));
        assertTrue(editor.last.body().contains("Unpublished: readers no longer see this article in English."),
                editor.last.body());
        editor.submit("workflow", Map.of(), "workflow:archive");
        assertEquals("archived", state(article));
        assertFalse(has(editor, "workflow:archive"));

        var author = signedIn("author");
        open(author, article);
        assertFalse(has(author, "workflow:restore"), "an author restores nothing");
        author.submit("workflow", Map.of(), "workflow:restore");
        assertEquals("archived", state(article));

        open(editor, article);
        editor.submit("workflow", Map.of(), "workflow:restore");
        assertEquals("draft", state(article));
        assertTrue(editor.last.body().contains("Restored: the article is back in the workflow. Status: Draft."),
                editor.last.body());
    }

    @Test
    void theAuthorSeesTheRequestForChangesAtTheTopAndTheSecondReviewComparesWithTheRejectedRevision() {
        Fixture article = StateFixtures.fresh(State.IN_REVIEW);
        var reviewer = signedIn("reviewer");
        String first = open(reviewer, article);
        assertTrue(first.contains("First review: no revision in this language was approved before"), first);
        reviewer.submit("workflow", Map.of("workflow:comment", "Name the dose in milligrams."), "workflow:reject");
        assertTrue(reviewer.last.body().contains("Sent back to the author with your comment. Status: Changes requested."),
                reviewer.last.body());

        var author = signedIn("author");
        String page = open(author, article);
        int banner = page.indexOf("id=\"changesRequested\"");
        assertTrue(banner > 0 && banner < page.indexOf("id=\"editor\""), "at the top of the editor: " + page);
        String notice = page.substring(banner, page.indexOf("</section>", banner));
        assertTrue(notice.contains("Dr. Rana Reviewer asked for these changes to revision 1 on "), notice);
        assertTrue(notice.contains("Name the dose in milligrams."), notice);
        assertTrue(page.contains("class=\"state CHANGES_REQUESTED\">Changes requested</span>"), page);

        var fix = StateFixtures.edit(article.slug("en"), "unreviewed");
        fix.put("body", "## Treatment\n\nTake it with water (unreviewed). Take 500 mg.");
        assertEquals(200, Api.as("author").put(article.locale("en"), fix, "\"r1\"").status());
        assertTrue(open(author, article).contains("id=\"changesRequested\""), "still to be done until submitted");
        assertEquals(200, take(Api.as("author"), article.locale("en"), step("submit")).status());
        assertFalse(open(author, article).contains("id=\"changesRequested\""));

        String second = open(reviewer, article);
        assertTrue(second.contains("Changes from revision 1 (changes requested "), second);
        assertTrue(second.contains(") to revision 2"), second);
        String compared = second.substring(second.indexOf("id=\"compared\""), second.indexOf("Review checklist"));
        assertTrue(compared.contains("<ins title=\"Added\">") && compared.contains("500 mg"), "the fix: " + compared);
        assertTrue(compared.contains("No changes in this field"), "the title is as it was: " + compared);
        assertFalse(compared.contains("Added\">Migraine") || compared.contains("Added\">## Treatment"),
                "only the fix is new: " + compared);
    }

    @Test
    void theDashboardNamesActionsArticlesAndLanguagesInWordsInTheUsersZone() {
        Fixture article = StateFixtures.fresh(State.IN_REVIEW);
        var author = signedIn("author").cookie("cms-zone", "Asia/Tokyo");
        String page = author.get("/admin/").body();
        int activity = page.indexOf("id=\"recentActivity\"");
        String recent = page.substring(activity);
        assertTrue(recent.contains("article=" + article.id() + "&amp;locale=en\">Migraine unreviewed</a>"),
                "the title, not the id: " + recent);
        assertTrue(recent.contains("Submitted for medical review"), recent);
        assertTrue(recent.contains(" · English · revision 1"), recent);
        assertFalse(recent.contains(">submit<") || recent.contains(" · en · r1"), recent);
        assertTrue(recent.contains(" JST</td>"), "times in the user's zone, named: " + recent);

        var noZone = signedIn("author").cookie("cms-zone", "Mars/Olympus_Mons");
        assertTrue(noZone.get("/admin/").body().contains(" UTC</td>"), "a zone that is none reads as UTC");
    }

    // --- helpers

    private static AdminSession signedIn(String user) {
        var session = new AdminSession();
        session.signIn(user, "demo");
        return session;
    }

    private static String editorPath(Fixture article) {
        return "/admin/edit.xhtml?article=" + article.id() + "&locale=en";
    }

    private static String open(AdminSession session, Fixture article) {
        var page = session.get(editorPath(article));
        assertEquals(200, page.statusCode());
        return page.body();
    }

    private static boolean has(AdminSession session, String id) {
        return session.last.body().contains("id=\"" + id + "\"");
    }

    /** Every item of the review checklist ticked, as the reviewer's clicks send them. */
    private static Map<String, String> checklist(AdminSession session) {
        String html = session.last.body();
        int start = html.indexOf("<form id=\"workflow\"");
        Matcher box = CHECKBOX.matcher(html.substring(start, html.indexOf("</form>", start)));
        Map<String, String> ticked = new HashMap<>();
        while (box.find()) {
            ticked.put(box.group(1), "on");
        }
        assertEquals(4, ticked.size(), "four checklist items");
        return ticked;
    }

    private static String state(Fixture article) {
        return DatabaseRows.text("select state from variant where article_id = ? and locale = 'en'", article.id()).toLowerCase();
    }

    private static String assigned(Fixture article) {
        return DatabaseRows.text("select coalesce(assigned_reviewer, '-') from variant where article_id = ? and locale = 'en'",
                article.id());
    }

    private static long reapprovals(Fixture article) {
        return DatabaseRows.count("select count(*) from medical_review m join variant v on v.id = m.variant_id"
                + " where v.article_id = ? and v.locale = 'en' and m.decision = 'REAPPROVED'", article.id());
    }

    private static long pending(Fixture article) {
        return DatabaseRows.count("select count(*) from scheduled_publication s join variant v on v.id = s.variant_id"
                + " where v.article_id = ? and s.done_at is null and s.cancelled_at is null", article.id());
    }

    private static long pendingAt(Fixture article) {
        return DatabaseRows.count("select cast(extract(epoch from s.publish_at) as bigint) from scheduled_publication s"
                + " join variant v on v.id = s.variant_id where v.article_id = ? and s.done_at is null"
                + " and s.cancelled_at is null", article.id());
    }
}
