package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The article editor as a writing place (issue 12): the autosave in the database, offered back in
 * a new session and deleted by the save; the edit lock, shown to a second person, taken over, and
 * learnt by the first person's next autosave; the slug proposed from the title; the word count.
 * Over HTTP as a browser posts the Faces forms and their ajax requests.
 */
abstract class EditorTests {

    @Test
    void theAutosaveIsInTheDatabaseOfferedInANewSessionAndGoneAfterTheSave() {
        String id = created();
        String path = "/admin/edit.xhtml?article=" + id + "&locale=en";
        var first = new AdminSession();
        first.signIn("author", "demo");
        first.get(path);
        String typed = "Text typed in one session and restored in the next, " + unique("words");
        var partial = first.ajax("editor", Map.of("editor:body", typed, "editor:topics:0:name", "cluster headache",
                "editor:changeNote", "not saved yet"), "editor:body", "keyup", "previewPanel editor:autosaved");
        assertTrue(partial.body().contains("Autosaved at"), partial.body());
        Map<String, Object> row = DatabaseRows.row("select body, change_note, topics, refs, base_revision from autosaved_draft"
                + " where username = 'author' and article_id = ? and locale = 'en'", Long.parseLong(id));
        assertEquals(typed, row.get("body"));
        assertEquals("not saved yet", row.get("change_note"));
        assertTrue(String.valueOf(row.get("topics")).contains("\"cluster headache\""), row::toString);
        assertTrue(String.valueOf(row.get("refs")).contains("10.1000/migraine.2024"), "the reference's DOI is kept: " + row);
        assertEquals(1, ((Number) row.get("base_revision")).intValue());

        // another session, as after the first one ended or the server moved: the text is offered
        var second = new AdminSession();
        second.signIn("author", "demo");
        String page = second.get(path).body();
        assertTrue(page.contains("You have unsaved text from"), page);
        assertFalse(second.textarea("editor:body").contains(typed), "offered, not put into the form");
        second.submit("autosave", Map.of(), "autosave:restore");
        assertEquals(typed, second.textarea("editor:body"));
        assertTrue(second.last.body().contains("value=\"not saved yet\""), "the whole form comes back");

        second.submit("editor", Map.of(), "editor:save");
        assertTrue(second.last.body().contains("Saved as revision 2."), second.last.body());
        assertEquals(0, drafts(id), "the save deleted the autosaved text");
        assertFalse(second.get(path).body().contains("You have unsaved text"), "nothing more to offer");
    }

    @Test
    void aDiscardDeletesTheAutosavedTextAndAnotherPersonNeverSeesIt() {
        String id = created();
        String path = "/admin/edit.xhtml?article=" + id + "&locale=en";
        var author = new AdminSession();
        author.signIn("author", "demo");
        author.get(path);
        author.ajax("editor", Map.of("editor:body", "Only mine"), "editor:body", "keyup", "editor:autosaved");
        assertEquals(1, drafts(id));

        var admin = new AdminSession();
        admin.signIn("admin", "demo");
        assertFalse(admin.get(path).body().contains("You have unsaved text"), "an autosave is its writer's alone");

        var again = new AdminSession();
        again.signIn("author", "demo");
        again.get(path);
        again.submit("autosave", Map.of(), "autosave:discard");
        assertEquals(0, drafts(id));
        assertFalse(again.get(path).body().contains("You have unsaved text"));
    }

    @Test
    void aNewArticleIsAutosavedForItsWriterAndItsCreationDeletesIt() {
        var author = new AdminSession();
        author.signIn("translator", "demo");
        author.get("/admin/edit.xhtml");
        // a translator may not create articles: nothing is kept for them
        author.ajax("editor", Map.of("editor:body", "No"), "editor:body", "keyup", "editor:autosaved");
        assertEquals(0, DatabaseRows.count("select count(*) from autosaved_draft where username = 'translator' and draft_key = 'new'"));

        var admin = new AdminSession();
        admin.signIn("admin", "demo");
        admin.get("/admin/edit.xhtml");
        String slug = unique("new-autosaved");
        admin.ajax("editor", Map.of("editor:title", "A new one", "editor:slug", slug, "editor:body", "Begun, not saved"),
                "editor:body", "keyup", "editor:autosaved");
        assertEquals("Begun, not saved", DatabaseRows.text("select body from autosaved_draft where username = 'admin' and draft_key = 'new'"));
        admin.get("/admin/edit.xhtml");
        admin.submit("autosave", Map.of(), "autosave:restore");
        admin.submit("editor", Map.of("editor:changeNote", "first draft"), "editor:save");
        assertTrue(admin.last.uri().getQuery().contains("article="), "created: " + admin.last.uri());
        assertEquals("Begun, not saved", DatabaseRows.text("select r.body from revision r join variant v on r.variant_id = v.id"
                + " where v.slug = ? and v.locale = 'en'", slug));
        assertEquals(0, DatabaseRows.count("select count(*) from autosaved_draft where username = 'admin' and draft_key = 'new'"));
    }

    @Test
    void textLongerThanARevisionMayHoldIsNotAutosaved() {
        String id = created();
        var author = new AdminSession();
        author.signIn("author", "demo");
        author.get("/admin/edit.xhtml?article=" + id + "&locale=en");
        var partial = author.ajax("editor", Map.of("editor:title", "t".repeat(201)), "editor:body", "keyup", "editor:autosaved");
        assertEquals(200, partial.statusCode());
        assertTrue(partial.body().contains("Not autosaved: a field is longer than a revision may hold."), partial.body());
        assertEquals(0, drafts(id));
    }

    @Test
    void aSecondPersonIsWarnedMayTakeOverAndTheFirstLearnsItOnTheNextAutosave() {
        String id = created();
        String path = "/admin/edit.xhtml?article=" + id + "&locale=en";
        var author = new AdminSession();
        author.signIn("author", "demo");
        assertFalse(author.get(path).body().contains("Being edited by"), "nobody else has it open");
        assertEquals("author", DatabaseRows.text("select username from edit_lock where article_id = ? and locale = 'en'",
                Long.parseLong(id)));

        var admin = new AdminSession();
        admin.signIn("admin", "demo");
        String warned = admin.get(path).body();
        assertTrue(warned.contains("Being edited by Alex Author since"), warned);
        assertTrue(bodyIsReadOnly(warned), "read-only before typing");
        assertFalse(warned.contains("id=\"editor:save\""), "nothing to save while someone else edits");

        // the If-Match check and the lock: a post of the read-only form changes nothing
        admin.submit("editor", Map.of("editor:body", "Typed into a read-only form", "editor:changeNote", "sneaky"), "editor:save");
        assertEquals(1, revisions(id));

        admin.get(path);
        admin.submit("editLock", Map.of(), "editLock:takeOver");
        String taken = admin.last.body();
        assertFalse(taken.contains("Being edited by"), taken);
        assertFalse(bodyIsReadOnly(taken), "the form is the admin's now");
        assertEquals("admin", DatabaseRows.text("select username from edit_lock where article_id = ? and locale = 'en'",
                Long.parseLong(id)));

        // the first person goes on typing: the autosave keeps their text and tells them
        String theirs = "The author's sentence, typed after the take-over";
        var partial = author.ajax("editor", Map.of("editor:body", theirs), "editor:body", "keyup",
                "previewPanel editor:autosaved");
        assertTrue(partial.body().contains("Ada Admin took over this article at"), partial.body());
        assertTrue(bodyIsReadOnly(partial.body()), partial.body());
        assertEquals(theirs, DatabaseRows.text("select body from autosaved_draft where username = 'author' and article_id = ?",
                Long.parseLong(id)), "their text stays in their autosave");

        // the admin saves; the author's form stays read-only and saved nothing
        admin.submit("editor", Map.of("editor:body", "The admin's text", "editor:changeNote", "took over"), "editor:save");
        assertTrue(admin.last.body().contains("Saved as revision 2."), admin.last.body());
        assertEquals(2, revisions(id));
        assertEquals(1, DatabaseRows.count("select count(*) from autosaved_draft where article_id = ? and username = 'author'",
                Long.parseLong(id)), "another person's save leaves the author's autosave alone");
    }

    @Test
    void aLockWithoutAutosaveLapsesAndIsNoLongerShown() {
        String id = created();
        String path = "/admin/edit.xhtml?article=" + id + "&locale=en";
        var author = new AdminSession();
        author.signIn("author", "demo");
        author.get(path);
        // the author's editor was closed an hour ago (cms.editor.lock-idle is ten minutes)
        DatabaseRows.update("update edit_lock set heartbeat = heartbeat - interval '1' hour where article_id = ?", Long.parseLong(id));
        var admin = new AdminSession();
        admin.signIn("admin", "demo");
        String page = admin.get(path).body();
        assertFalse(page.contains("Being edited by"), page);
        assertFalse(bodyIsReadOnly(page));
        assertEquals("admin", DatabaseRows.text("select username from edit_lock where article_id = ?", Long.parseLong(id)));
    }

    @Test
    void theSlugFollowsTheTitleInPlainLatinUntilTheUserWritesTheirOwn() {
        var author = new AdminSession();
        author.signIn("author", "demo");
        author.get("/admin/edit.xhtml");
        String token = unique("x").replaceAll("[^a-z0-9]", "");
        var proposed = author.ajax("editor", Map.of("editor:title", "Ημικρανία στα παιδιά " + token), "editor:title", "keyup",
                "editor:slug");
        assertTrue(proposed.body().contains("value=\"emikrania-sta-paidia-" + token + "\""), proposed.body());
        var followed = author.ajax("editor", Map.of("editor:title", "Мигрень у детей " + token,
                "editor:slug", "emikrania-sta-paidia-" + token), "editor:title", "keyup", "editor:slug");
        assertTrue(followed.body().contains("value=\"migren-u-detej-" + token + "\""), "a proposed slug follows the title: "
                + followed.body());
        var own = author.ajax("editor", Map.of("editor:title", "Something else", "editor:slug", "my-own-" + token),
                "editor:title", "keyup", "editor:slug");
        assertTrue(own.body().contains("value=\"my-own-" + token + "\""), "the user's own slug stays: " + own.body());
    }

    @Test
    void theWordCountAndReadingTimeFollowTheText() {
        var author = new AdminSession();
        author.signIn("author", "demo");
        author.get("/admin/edit.xhtml");
        var partial = author.ajax("editor", Map.of("editor:body", "## Dosing\n\nTake **one** tablet. " + "word ".repeat(200)),
                "editor:body", "keyup", "editor:length");
        assertTrue(partial.body().contains("204 words · 2 minutes to read"), partial.body());
    }

    static boolean bodyIsReadOnly(String html) {
        int at = html.indexOf("name=\"editor:body\"");
        assertTrue(at > 0, html);
        int start = html.lastIndexOf("<textarea", at);
        return html.substring(start, html.indexOf('>', at)).contains("readonly");
    }

    static String created() {
        var reply = Api.as("author").post("/api/articles", article(unique("editor")));
        assertEquals(201, reply.status(), reply::toString);
        String location = reply.header("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static long drafts(String id) {
        return DatabaseRows.count("select count(*) from autosaved_draft where article_id = ?", Long.parseLong(id));
    }

    private static long revisions(String id) {
        return DatabaseRows.count("select count(*) from revision r join variant v on r.variant_id = v.id"
                + " where v.article_id = ? and v.locale = 'en'", Long.parseLong(id));
    }
}
