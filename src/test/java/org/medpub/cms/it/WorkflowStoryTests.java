package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole editorial story through the API: write, submit, a refused self-approval, reject,
 * fix, resubmit, approve with the checklist, publish, a scheduled publication that happens by
 * itself, and an audit trail that shows every step.
 */
abstract class WorkflowStoryTests {

    final Api author = Api.as("author");
    final Api reviewer = Api.as("reviewer");
    final Api editor = Api.as("editor");

    @Test
    void fromDraftToPublishedWithMedicalReview() throws InterruptedException {
        String slug = unique("story");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        String en = article + "/locales/en";

        assertState(take(author, en, step("submit")), 200, "in_review");
        var selfApproval = take(author, en, signOff("approve"));
        assertEquals(403, selfApproval.status(), selfApproval::toString);

        assertEquals(400, take(reviewer, en, step("reject")).status(), "a rejection needs a comment");
        assertState(take(reviewer, en, step("reject", "Cite the 2024 guideline for the dose.")), 200, "draft");

        assertEquals(200, author.put(en, edit(slug, "Fixed: cites the 2024 guideline.", "Cited guideline"), "\"r1\"").status());
        assertState(take(author, en, step("submit")), 200, "in_review");
        var unchecked = take(reviewer, en, Map.of("action", "approve", "checklist", Map.of("sources-current", true)));
        assertEquals(400, unchecked.status(), unchecked::toString);
        assertEquals(List.of("checklist.dosing-checked", "checklist.no-promotion", "checklist.risks-stated"),
                ValidationTests.fields(unchecked.json()).stream().sorted().toList());
        assertState(take(reviewer, en, signOff("approve")), 200, "approved");
        assertEquals(409, take(reviewer, en, signOff("approve")).status(), "approved twice");

        var published = take(editor, en, step("publish"));
        assertState(published, 200, "published");
        assertEquals(2, published.json().get("liveRevision").asInt());
        JsonNode entry = ArticleApiTests.locale(author.get(article).json(), "en");
        assertEquals("published", entry.get("state").asText());
        assertEquals(2, entry.get("liveRevision").asInt());

        // a newer draft goes through review while revision 2 stays live, then publishes itself
        assertEquals(200, author.put(en, edit(slug, "Third text, scheduled.", "Update"), "\"r2\"").status());
        JsonNode drafted = ArticleApiTests.locale(author.get(article).json(), "en");
        assertEquals("draft", drafted.get("state").asText());
        assertEquals(2, drafted.get("liveRevision").asInt());
        take(author, en, step("submit"));
        assertState(take(reviewer, en, signOff("approve")), 200, "approved");
        var schedule = step("publish");
        schedule.put("publishAt", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3).toString());
        var scheduled = take(editor, en, schedule);
        assertState(scheduled, 200, "approved");
        assertEquals(3, scheduled.json().get("scheduledRevision").asInt());
        assertEquals(2, scheduled.json().get("liveRevision").asInt());
        JsonNode live = waitForLiveRevision(article, 3);
        assertEquals("published", live.get("state").asText());

        List<String> steps = new ArrayList<>();
        JsonNode events = author.get(en + "/history").json().get("events");
        events.forEach(e -> steps.add(e.get("action").asText() + ":" + e.get("actor").asText() + ":"
                + text(e, "from") + ">" + text(e, "to") + ":r" + e.get("revision").asInt()));
        assertEquals(List.of(
                "create:author:->draft:r1",
                "submit:author:draft>in_review:r1",
                "reject:reviewer:in_review>draft:r1",
                "save:author:draft>draft:r2",
                "submit:author:draft>in_review:r2",
                "approve:reviewer:in_review>approved:r2",
                "publish:editor:approved>published:r2",
                "save:author:published>draft:r3",
                "submit:author:draft>in_review:r3",
                "approve:reviewer:in_review>approved:r3",
                "schedule:editor:approved>approved:r3",
                "publish:editor:approved>published:r3"), steps);
        assertEquals("Cite the 2024 guideline for the dose.", events.get(2).get("comment").asText());
        assertTrue(events.get(0).has("at"));

        assertEquals(1, DatabaseRows.count("select count(*) from medical_review m join revision r on r.id = m.revision_id"
                + " join variant v on v.id = m.variant_id where v.slug = ? and m.decision = 'APPROVED' and r.revision_no = 2"
                + " and m.reviewer = 'reviewer' and m.reviewer_credentials = 'MD, internal medicine'", slug));
        assertEquals(4, DatabaseRows.count("select count(*) from medical_review_check c join medical_review m"
                + " on m.id = c.review_id join variant v on v.id = m.variant_id join revision r on r.id = m.revision_id"
                + " where v.slug = ? and r.revision_no = 2", slug));
        assertEquals(1, DatabaseRows.count("select count(*) from medical_review m join variant v on v.id = m.variant_id"
                + " where v.slug = ? and m.decision = 'REJECTED' and m.review_comment like 'Cite%'", slug));
    }

    @Test
    void nobodyApprovesWhatTheyWroteEvenAnAdmin() {
        Api admin = Api.as("admin");
        String slug = unique("foureyes");
        String en = RevisionApiTests.path(admin.post("/api/articles", article(slug))) + "/locales/en";
        take(admin, en, step("submit"));

        var own = take(admin, en, signOff("approve"));
        assertEquals(403, own.status(), own::toString);
        assertTrue(own.json().get("detail").asText().contains("four eyes"));
        assertState(take(reviewer, en, signOff("approve")), 200, "approved");
    }

    @Test
    void stepsFromTheWrongStateAre409AndWrongRolesAre403() {
        String en = RevisionApiTests.path(author.post("/api/articles", article(unique("states")))) + "/locales/en";
        assertEquals(409, take(editor, en, step("publish")).status());
        assertEquals(409, take(reviewer, en, signOff("approve")).status());
        assertEquals(409, take(editor, en, step("unpublish")).status());
        assertEquals(403, take(author, en, step("publish")).status());
        assertEquals(403, take(Api.as("translator"), en, step("archive")).status());
        assertEquals(400, take(author, en, step("fly")).status());
        var unknownField = author.post(en + "/transitions", Map.of("action", "submit", "state", "published"));
        assertEquals(400, unknownField.status());
        assertEquals("draft", author.get(en).json().get("state").asText());
    }

    @Test
    void unpublishKeepsTheHistoryAndArchiveTakesItOffline() {
        String slug = unique("offline");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        String en = article + "/locales/en";
        Workflow.publish(author, en);

        var unpublished = take(editor, en, step("unpublish"));
        assertState(unpublished, 200, "draft");
        assertFalse(unpublished.json().has("liveRevision"));
        take(author, en, step("submit"));
        take(reviewer, en, signOff("approve"));
        assertState(take(editor, en, step("publish")), 200, "published");
        var archived = take(editor, en, step("archive"));
        assertState(archived, 200, "archived");
        assertFalse(archived.json().has("liveRevision"));
        assertEquals(409, take(editor, en, step("publish")).status());
    }

    @Test
    void reReviewIsListedAndReapprovalRecordsANewSignOff() {
        String slug = unique("rereview");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        String en = article + "/locales/en";
        Workflow.publish(author, en);
        long id = Long.parseLong(article.substring(article.lastIndexOf('/') + 1));

        // the suite lists everything due within 400 days (cms.review.due-soon), so a fresh sign-off shows
        JsonNode due = dueEntry(id);
        assertFalse(due.get("overdue").asBoolean());
        assertEquals(OffsetDateTime.parse(due.get("lastReviewed").asText()).plusMonths(12).toInstant(),
                OffsetDateTime.parse(due.get("reviewDue").asText()).toInstant());

        assertState(take(reviewer, en, signOff("reapprove")), 200, "published");
        assertEquals(1, DatabaseRows.count("select count(*) from medical_review m join variant v on v.id = m.variant_id"
                + " where v.slug = ? and m.decision = 'REAPPROVED'", slug));
        assertTrue(OffsetDateTime.parse(dueEntry(id).get("lastReviewed").asText())
                .isAfter(OffsetDateTime.parse(due.get("lastReviewed").asText())));
        assertState(take(reviewer, en, step("reject", "Outdated after the new guideline")), 200, "draft");
        assertEquals(1, ArticleApiTests.locale(author.get(article).json(), "en").get("liveRevision").asInt(),
                "what readers see stays until an editor takes it down");
    }

    @Test
    void reviewersAreAssignedAndCommentsStayOnTheRevision() {
        String en = RevisionApiTests.path(author.post("/api/articles", article(unique("assign")))) + "/locales/en";

        var assigned = editor.put(en + "/assignment", Map.of("reviewer", "reviewer"), null);
        assertEquals(200, assigned.status(), assigned::toString);
        assertEquals("reviewer", assigned.json().get("assignedReviewer").asText());
        assertEquals(400, editor.put(en + "/assignment", Map.of("reviewer", "author"), null).status());
        assertEquals(403, author.put(en + "/assignment", Map.of("reviewer", "reviewer"), null).status());

        var comment = reviewer.post(en + "/revisions/1/comments", Map.of("text", "Check the second paragraph."));
        assertEquals(201, comment.status(), comment::toString);
        JsonNode comments = author.get(en + "/revisions/1/comments").json().get("comments");
        assertEquals(1, comments.size());
        assertEquals("reviewer", comments.get(0).get("author").asText());
        assertEquals(400, reviewer.post(en + "/revisions/1/comments", Map.of("text", " ")).status());
        assertEquals(404, reviewer.post(en + "/revisions/9/comments", Map.of("text", "x")).status());
    }

    @Test
    void theChecklistIsListedInTheCallersLanguage() {
        var english = author.get("/api/workflow/checklist");
        assertEquals(200, english.status());
        assertEquals(4, english.json().size());
        assertEquals("sources-current", english.json().get(0).get("key").asText());
        assertEquals("Sources are cited and current", english.json().get(0).get("label").asText());
        var spanish = author.send(author.request("/api/workflow/checklist").header("Accept-Language", "es-MX, en;q=0.5"));
        assertEquals("Las fuentes están citadas y actualizadas", spanish.json().get(0).get("label").asText());
    }


    private JsonNode dueEntry(long articleId) {
        return Workflow.dueReReviews(reviewer).stream()
                .filter(item -> item.get("articleId").asLong() == articleId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("article " + articleId + " not due"));
    }

    private JsonNode waitForLiveRevision(String article, int revision) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            JsonNode entry = ArticleApiTests.locale(author.get(article).json(), "en");
            if (entry.has("liveRevision") && entry.get("liveRevision").asInt() == revision) {
                return entry;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("revision " + revision + " did not go live within 30 s");
    }

    private static String text(JsonNode event, String field) {
        return event.has(field) ? event.get(field).asText() : "-";
    }

    static void assertState(Api.Reply reply, int status, String state) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(state, reply.json().get("state").asText(), reply::toString);
    }
}
