package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The editorial UI over HTTP, as a browser uses it: the sign-in form and its session cookie, the
 * CSRF guard of every form (the Faces view state), and an author's save and conflict in the editor.
 */
abstract class AdminUiTests {

    @Test
    void theSignInPageRendersWithAForm() {
        var session = new AdminSession();
        var page = session.get("/admin/login.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("name=\"login:userName\"") && page.body().contains("jakarta.faces.ViewState"),
                page.body());
        assertTrue(page.body().contains("<html") && page.body().contains("lang=\"en\""), page.body());
    }

    @Test
    void withoutASessionTheEditorialPagesRedirectToSignIn() {
        var session = new AdminSession();
        var page = session.get("/admin/");
        assertTrue(page.uri().getPath().endsWith("/admin/login.xhtml"), page.uri()::toString);
        assertTrue(page.body().contains("name=\"login:userName\""));
    }

    @Test
    void aWrongPasswordStaysOnTheSignInPage() {
        var session = new AdminSession();
        var page = session.signIn("translator", "not the password");
        assertEquals(200, page.statusCode());
        assertTrue(page.uri().getPath().endsWith("/admin/login.xhtml"), page.uri()::toString);
        assertTrue(page.body().contains("The user name or password is not correct."), page.body());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        var session = new AdminSession();
        session.signIn("author", "demo");
        String cookie = session.sessionCookiesSet.stream().findFirst().orElseThrow(() -> new AssertionError(
                "signing in sets a session cookie"));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        // attribute values are case-insensitive (RFC 6265bis); Payara writes the value in lower case
        String sameSite = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(sameSite.contains("samesite=lax") || sameSite.contains("samesite=strict"), cookie);
        assertFalse(session.last.body().contains("jsessionid"), "cookies only, never in a URL");
    }

    @Test
    void signingInShowsTheDashboardAndSigningOutEndsTheSession() {
        var session = new AdminSession();
        var dashboard = session.signIn("author", "demo");
        assertTrue(dashboard.uri().getPath().endsWith("/admin/index.xhtml"), dashboard.uri()::toString);
        assertTrue(dashboard.body().contains("Signed in as author"), dashboard.body());
        assertTrue(dashboard.body().contains("My drafts"));
        session.submit("signOut", Map.of(), "signOut:signOut");
        assertTrue(session.get("/admin/index.xhtml").uri().getPath().endsWith("/admin/login.xhtml"));
    }

    @Test
    void aPostWithoutTheViewStateChangesNothing() {
        String id = created();
        var session = new AdminSession();
        session.signIn("author", "demo");
        session.get("/admin/edit.xhtml?article=" + id + "&locale=en");
        Map<String, String> forged = new HashMap<>(session.fields("editor"));
        forged.remove("jakarta.faces.ViewState");
        forged.put("editor:title", "Forged title");
        forged.put("editor:changeNote", "forged");
        forged.put("editor:save", "Save");
        session.post("/admin/edit.xhtml?article=" + id + "&locale=en", forged);
        forged.put("jakarta.faces.ViewState", "1234567890:987654321");
        session.post("/admin/edit.xhtml?article=" + id + "&locale=en", forged);
        assertEquals(1, revisions(id), "no revision from a forged post");
    }

    @Test
    void anAuthorSavesSeesTheConflictAndKeepsTheirText() {
        String id = created();
        var author = new AdminSession();
        author.signIn("author", "demo");
        var editor = author.get("/admin/edit.xhtml?article=" + id + "&locale=en");
        assertEquals(200, editor.statusCode());
        assertTrue(editor.body().contains("Living with migraine"), editor.body());
        assertTrue(editor.body().contains("<h2>What a migraine is</h2>"), "the preview renders the Markdown: " + editor.body());

        author.submit("editor", Map.of("editor:title", "Living with migraine, revised",
                "editor:changeNote", "clearer title"), "editor:save");
        assertTrue(author.last.body().contains("Saved as revision 2."), author.last.body());
        assertEquals(2, revisions(id));
        assertEquals("Living with migraine, revised", DatabaseRows.text("select r.title from revision r"
                + " join variant v on r.variant_id = v.id where v.article_id = ? and r.revision_no = 2", Long.parseLong(id)));

        // a colleague saves revision 3 through the API while the author goes on writing
        var theirs = Fixtures.edit(slugOf(id), "Their body, with a new paragraph.", "their change");
        assertEquals(200, Api.as("admin").put("/api/articles/" + id + "/locales/en", theirs, "\"r2\"").status());

        String mine = "My own text that must not be lost.";
        author.submit("editor", Map.of("editor:body", mine, "editor:changeNote", "my change"), "editor:save");
        String page = author.last.body();
        assertTrue(page.contains("Someone else saved this article in the meantime"), page);
        assertTrue(page.contains("admin saved revision 3"), page);
        assertTrue(page.contains("<ins") && page.contains("<del"), "their change, word by word: " + page);
        assertEquals(mine, author.textarea("editor:body"), "the author's text stays in the form");
        assertEquals(3, revisions(id), "nothing saved over their revision");

        author.submit("editor", Map.of(), "editor:saveOnTop");
        assertTrue(author.last.body().contains("Saved as revision 4."), author.last.body());
        assertEquals(mine, DatabaseRows.text("select r.body from revision r join variant v on r.variant_id = v.id"
                + " where v.article_id = ? and r.revision_no = 4", Long.parseLong(id)));
    }

    @Test
    void typingIsAutosavedWithoutARevisionAndOfferedAgainUntilSaved() {
        String id = created();
        String path = "/admin/edit.xhtml?article=" + id + "&locale=en";
        var author = new AdminSession();
        author.signIn("author", "demo");
        author.get(path);
        String typed = "Half a sentence the author has not saved";
        var partial = author.ajax("editor", Map.of("editor:body", typed), "editor:body", "keyup",
                "previewPanel editor:autosaved");
        assertEquals(200, partial.statusCode());
        assertTrue(partial.body().contains("Autosaved at"), partial.body());
        assertTrue(partial.body().contains(typed), "the preview follows: " + partial.body());
        assertEquals(1, revisions(id), "no revision per keystroke");

        var reopened = author.get(path);
        assertTrue(reopened.body().contains("You have unsaved text from"), reopened.body());
        assertFalse(author.textarea("editor:body").contains(typed), "the form starts from the revision");
        author.submit("autosave", Map.of(), "autosave:restore");
        assertEquals(typed, author.textarea("editor:body"));

        author.submit("editor", Map.of("editor:changeNote", "restored text"), "editor:save");
        assertTrue(author.last.body().contains("Saved as revision 2."), author.last.body());
        assertEquals(typed, DatabaseRows.text("select r.body from revision r join variant v on r.variant_id = v.id"
                + " where v.article_id = ? and r.revision_no = 2", Long.parseLong(id)));
        assertFalse(author.get(path).body().contains("You have unsaved text"), "saving clears the autosaved text");
    }

    @Test
    void anOutdatedTranslationShowsWhatChangedInTheSourceBesideIt() {
        String id = created();
        String article = "/api/articles/" + id;
        Workflow.publish(Api.as("author"), article + "/locales/en");
        var spanish = Fixtures.with(Fixtures.edit(unique("migrana"), "Un dolor de cabeza.", "Traducción"),
                "title", "Vivir con migraña");
        assertEquals(201, Api.as("translator").put(article + "/locales/es", spanish, null).status());
        Workflow.publish(Api.as("translator"), article + "/locales/es");
        var translator = new AdminSession();
        translator.signIn("translator", "demo");
        assertFalse(translator.get("/admin/edit.xhtml?article=" + id + "&locale=es").body().contains("id=\"sourceChanges\""),
                "a current translation shows no changes");

        var grapefruit = Fixtures.edit(slugOf(id), "Do not take it with grapefruit juice.", "Interaction");
        assertEquals(200, Api.as("author").put(article + "/locales/en", grapefruit, "\"r1\"").status());
        Workflow.publish(Api.as("author"), article + "/locales/en");

        String page = translator.get("/admin/edit.xhtml?article=" + id + "&locale=es").body();
        int start = page.indexOf("id=\"sourceChanges\"");
        assertTrue(start > 0, page);
        String changes = page.substring(start, page.indexOf("</section>", start));
        assertTrue(changes.contains("The original changed since this translation: revision 1 compared with revision 2"),
                changes);
        assertTrue(changes.contains("<ins") && changes.contains("grapefruit") && changes.contains("<del"), changes);
        assertEquals(1, DatabaseRows.count("select count(*) from revision r join variant v on r.variant_id = v.id"
                + " where v.article_id = ? and v.locale = 'es' and r.source_revision = 1", Long.parseLong(id)),
                "the translation still translates revision 1");
    }

    @Test
    void aTranslatorUploadsXliffAndSeesTheProblemsWithTheirLineOrTheNewRevision() throws Exception {
        // the body the test's translation tool knows words for
        String article = RevisionApiTests.path(Api.as("author").post("/api/articles",
                Fixtures.with(article(unique("xliff-ui")), "body", XliffTests.BODY)));
        String id = article.substring(article.lastIndexOf('/') + 1);
        Workflow.publish(Api.as("author"), article + "/locales/en");
        String exported = Api.as("translator").get(article + "/locales/es/xliff").body();
        var translator = new AdminSession();
        translator.signIn("translator", "demo");
        String path = "/admin/edit.xhtml?article=" + id + "&locale=es";
        translator.get(path);

        translator.upload("xliff", "xliff:file", "broken.xlf", exported.replace("</xliff>", ""), "xliff:import");
        String refused = translator.last.body();
        assertTrue(refused.contains("The XLIFF file cannot be imported"), refused);
        assertTrue(refused.contains("line "), "the problem names its line: " + refused);
        assertEquals(0, DatabaseRows.count("select count(*) from variant v where v.article_id = ? and v.locale = 'es'",
                Long.parseLong(id)), "nothing imported");

        translator.get(path);
        translator.upload("xliff", "xliff:file", "es.xlf", XliffTests.translated(exported), "xliff:import");
        // the editor of the new revision; its "Saved" message rides on the Faces flash cookie, which this client does not keep
        assertTrue(translator.last.uri().getQuery().contains("locale=es")
                && translator.last.body().contains("Revision 1 ·"), translator.last.body());
        assertEquals(1, DatabaseRows.count("select count(*) from revision r join variant v on r.variant_id = v.id"
                + " where v.article_id = ? and v.locale = 'es' and r.source_revision = 1", Long.parseLong(id)));
    }

    @Test
    void theReaderSiteStaysWithoutASession() {
        var session = new AdminSession();
        session.get("/en/");
        assertTrue(session.last.headers().allValues("Set-Cookie").isEmpty(), session.last.headers()::toString);
    }

    private static String created() {
        var reply = Api.as("author").post("/api/articles", article(unique("admin-ui")));
        assertEquals(201, reply.status(), reply::toString);
        String location = reply.header("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String slugOf(String id) {
        return Api.as("author").get("/api/articles/" + id + "/locales/en").json().get("slug").asText();
    }

    private static long revisions(String id) {
        return DatabaseRows.count("select count(*) from revision r join variant v on r.variant_id = v.id"
                + " where v.article_id = ? and v.locale = 'en'", Long.parseLong(id));
    }
}
