package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The articles list ({@code /admin/articles.xhtml}) over HTTP, as a browser uses it: articles
 * made through the API are found by a word of their body, narrowed by the filters of the URL,
 * sorted, paged by the cursor of the "next page" link, and published or assigned in bulk with a
 * result line per selected locale. Each test marks its articles with a word of its own, so that
 * the articles of other tests do not count.
 */
abstract class ArticleListTests {

    private static final Pattern ROW = Pattern.compile("<tr id=\"article-(\\d+)\"");
    private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]*)\"[^>]*id=\"nextPage\"|id=\"nextPage\"[^>]*href=\"([^\"]*)\"");
    private static final Pattern RESULT = Pattern.compile("<li class=\"(done|refused)\">\\s*<span>([^<]*)</span>\\s*<span[^>]*>([^<]*)</span>");

    /** A word no other article has: letters and digits, one word to the full-text search. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** An article in English by this user, with the word in its body; its id. */
    private static long created(String user, String title, String word) {
        Map<String, Object> fields = Fixtures.with(Fixtures.with(article(unique("list")), "title", title), "body",
                "## About\n\nThis text mentions " + word + " once.");
        var reply = Api.as(user).post("/api/articles", fields);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().get("id").asLong();
    }

    private static List<Long> rows(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            ids.add(Long.parseLong(row.group(1)));
        }
        return ids;
    }

    private static List<Long> listed(AdminSession session, String query) {
        var page = session.get("/admin/articles.xhtml?" + query);
        assertEquals(200, page.statusCode(), page::body);
        return rows(page.body());
    }

    private static AdminSession signedIn(String user) {
        var session = new AdminSession();
        session.signIn(user, "demo");
        return session;
    }

    @Test
    void theListIsTheFirstItemOfTheNavigationAndAWordOfTheBodyFindsAnArticle() {
        String word = word();
        long found = created("author", "Living with migraine", word);
        long other = created("author", "Living with migraine", word());
        var editor = signedIn("editor");
        var page = editor.get("/admin/articles.xhtml?q=" + word);
        assertEquals(200, page.statusCode());
        String nav = page.body().substring(page.body().indexOf("<nav"), page.body().indexOf("</nav>"));
        assertTrue(nav.indexOf("/admin/articles.xhtml") < nav.indexOf("/admin/index.xhtml"), nav);
        assertEquals(List.of(found), rows(page.body()), page.body());
        assertFalse(rows(page.body()).contains(other));
        assertTrue(page.body().contains("Living with migraine"), page.body());
        assertTrue(page.body().contains("value=\"" + word + "\""), "the search field keeps the word: " + page.body());
        // the locale badges name the languages and their states in words
        assertTrue(page.body().contains(">English</span>: <span class=\"word\">Draft</span>"), page.body());
        assertTrue(page.body().contains(">Spanish</span>: <span class=\"word\">Missing</span>"), page.body());
        // a prefix of the word finds it too; a word that is in no article finds nothing
        assertEquals(List.of(found), listed(editor, "q=" + word.substring(0, 10)));
        assertEquals(List.of(), listed(editor, "q=" + word() + "&sort=title"));
    }

    @Test
    void aLocaleBeingEditedShowsWhoIsEditingItSinceWhen() {
        String word = word();
        long id = created("author", "Being written", word);
        var editor = signedIn("editor");
        assertFalse(editor.get("/admin/articles.xhtml?q=" + word).body().contains("being edited by"));
        // opening the editor takes the edit lock of the English text
        var author = signedIn("author");
        assertEquals(200, author.get("/admin/edit.xhtml?article=" + id + "&locale=en").statusCode());
        String html = editor.get("/admin/articles.xhtml?q=" + word).body();
        String english = html.substring(html.indexOf("data-locale=\"en\""), html.indexOf("</li>", html.indexOf("data-locale=\"en\"")));
        assertTrue(english.matches("(?s).*being edited by [^<]+ since \\d{1,2}:\\d{2}.*"), english);
        String spanish = html.substring(html.indexOf("data-locale=\"es\""), html.indexOf("</li>", html.indexOf("data-locale=\"es\"")));
        assertFalse(spanish.contains("being edited by"), spanish);
    }

    @Test
    void aWordOfATranslationsNewRevisionFindsTheArticleAndTheWordsItReplacedNoLonger() {
        String word = word();
        String replaced = word();
        String added = word();
        long article = created("author", "Found in any language", word);
        String spanish = "/api/articles/" + article + "/locales/es";
        var first = Api.as("translator").put(spanish, Fixtures.with(Fixtures.edit(unique("lista"), "Habla de " + replaced + ".",
                "Traducción"), "title", "En español"), null);
        assertEquals(201, first.status(), first::toString);
        var editor = signedIn("editor");
        assertEquals(List.of(article), listed(editor, "q=" + replaced));
        assertEquals(List.of(article), listed(editor, "q=" + replaced + "&status=missing"), "no German, French or Arabic yet");

        var second = Api.as("translator").put(spanish, Fixtures.with(Fixtures.edit(unique("lista"), "Habla de " + added + ".",
                "Otra palabra"), "title", "En español"), first.etag());
        assertEquals(200, second.status(), second::toString);
        assertEquals(List.of(article), listed(editor, "q=" + added));
        assertEquals(List.of(article), listed(editor, "q=" + word + "+" + added), "words of two locales together");
        assertEquals(List.of(), listed(editor, "q=" + replaced));
        assertEquals(List.of(), listed(editor, "q=" + added + "&status=missing&locale=es"));
        assertEquals(List.of(article), listed(editor, "q=" + added + "&status=missing&locale=de"));
    }

    @Test
    void theFiltersOfTheUrlNarrowByStateLocaleAuthorAndAssignedToMe() {
        String word = word();
        long byAuthor = created("author", "Drafted by the author", word);
        long byAdmin = created("admin", "Written by the admin", word);
        String spanish = "/api/articles/" + byAuthor + "/locales/es";
        var translation = Fixtures.with(Fixtures.edit(unique("lista"), "Un texto.", "Traducción"), "title", "Título en español");
        assertEquals(201, Api.as("translator").put(spanish, translation, null).status());
        String adminEnglish = "/api/articles/" + byAdmin + "/locales/en";
        assertEquals(200, Workflow.take(Api.as("admin"), adminEnglish, Workflow.step("submit")).status());
        assertEquals(200, Api.as("editor").put(adminEnglish + "/assignment", Map.of("reviewer", "reviewer"), null).status());

        var editor = signedIn("editor");
        assertEquals(Set.of(byAuthor, byAdmin), new HashSet<>(listed(editor, "q=" + word)));
        assertEquals(List.of(byAdmin), listed(editor, "q=" + word + "&state=in_review"));
        assertEquals(List.of(byAuthor), listed(editor, "q=" + word + "&state=draft"));
        assertEquals(List.of(byAuthor), listed(editor, "q=" + word + "&locale=es"));
        assertEquals(List.of(byAdmin), listed(editor, "q=" + word + "&status=missing&locale=es"));
        assertEquals(List.of(byAuthor), listed(editor, "q=" + word + "&status=in_progress"));
        assertEquals(List.of(byAdmin), listed(editor, "q=" + word + "&author=admin"));
        assertEquals(List.of(byAdmin), listed(editor, "q=" + word + "&reviewer=reviewer"));
        assertEquals(List.of(), listed(editor, "q=" + word + "&mine=true"), "nothing is assigned to the editor");
        assertEquals(List.of(byAdmin), listed(signedIn("reviewer"), "q=" + word + "&mine=true"));

        // the title in the UI language where the article has it, the reviewer in its column
        var spanishUi = new AdminSession().with("Accept-Language", "es");
        spanishUi.signIn("editor", "demo");
        String html = spanishUi.get("/admin/articles.xhtml?q=" + word).body();
        assertTrue(html.contains("Título en español"), html);
        assertTrue(html.contains(">Español</span>"), "locale names in the UI language: " + html);
        assertTrue(editor.get("/admin/articles.xhtml?q=" + word + "&author=admin").body()
                .contains("<td class=\"reviewer\">reviewer</td>"));

        // a value the list does not know is named next to its field, and not applied
        var unknown = editor.get("/admin/articles.xhtml?q=" + word + "&state=lost");
        assertEquals(200, unknown.statusCode());
        assertTrue(unknown.body().contains("Unknown value “lost”: this filter is not applied."), unknown.body());
        assertEquals(2, rows(unknown.body()).size());
    }

    @Test
    void sortsByTitleAndByLastChange() {
        String word = word();
        long cherry = created("author", "Cherry " + word, word);
        long apple = created("author", "Apple " + word, word);
        long banana = created("author", "Banana " + word, word);
        var editor = signedIn("editor");
        assertEquals(List.of(apple, banana, cherry), listed(editor, "q=" + word + "&sort=title"));
        assertEquals(List.of(banana, apple, cherry), listed(editor, "q=" + word + "&sort=changed"));
        // a save is a change: the cherry comes first
        var edit = Fixtures.with(Fixtures.edit(unique("list"), "Now " + word + " again.", "later"), "title", "Cherry " + word);
        assertEquals(200, Api.as("author").put("/api/articles/" + cherry + "/locales/en", edit, "\"r1\"").status());
        assertEquals(List.of(cherry, banana, apple), listed(editor, "q=" + word));
        assertEquals(3, listed(editor, "q=" + word + "&sort=review").size());
    }

    @Test
    void pagesForwardWithTheCursorOfTheNextPageLink() {
        String word = word();
        Set<Long> made = new HashSet<>();
        for (int i = 0; i < 53; i++) {
            made.add(created("author", "Paged " + i, word));
        }
        var editor = signedIn("editor");
        for (String sort : List.of("changed", "title")) {
            var first = editor.get("/admin/articles.xhtml?q=" + word + "&sort=" + sort);
            List<Long> firstRows = rows(first.body());
            assertEquals(50, firstRows.size(), first.body());
            Matcher next = NEXT.matcher(first.body());
            assertTrue(next.find(), "a next page link: " + first.body());
            String link = (next.group(1) != null ? next.group(1) : next.group(2)).replace("&amp;", "&");
            assertTrue(link.contains("q=" + word) && link.contains("sort=" + sort) && link.contains("after="), link);
            var second = editor.get(link);
            List<Long> secondRows = rows(second.body());
            assertEquals(3, secondRows.size(), second.body());
            assertFalse(NEXT.matcher(second.body()).find(), "the last page has no next page");
            assertTrue(second.body().contains("id=\"firstPage\""), second.body());
            Set<Long> all = new HashSet<>(firstRows);
            all.addAll(secondRows);
            assertEquals(made, all, "every article once, in " + sort + " order");
        }
        var wrong = editor.get("/admin/articles.xhtml?q=" + word + "&after=bm90IGEgY3Vyc29y");
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("This page link does not belong to this order"), wrong.body());
        assertEquals(50, rows(wrong.body()).size());
    }

    @Test
    void anEditorPublishesSeveralApprovedVariantsWithAResultPerItemAndARefusedOneChangesNothing() {
        String word = word();
        long first = created("author", "First approved " + word, word);
        long second = created("author", "Second approved " + word, word);
        long draft = created("author", "Still a draft " + word, word);
        for (long id : List.of(first, second)) {
            String english = "/api/articles/" + id + "/locales/en";
            assertEquals(200, Workflow.take(Api.as("author"), english, Workflow.step("submit")).status());
            assertEquals(200, Workflow.take(Api.as("reviewer"), english, Workflow.signOff("approve")).status());
        }
        long eventsBefore = DatabaseRows.count("select count(*) from audit_event where article_id = ?", draft);

        var editor = signedIn("editor");
        var page = editor.get("/admin/articles.xhtml?q=" + word + "&state=approved");
        assertEquals(Set.of(first, second), new HashSet<>(rows(page.body())));
        editor.get("/admin/articles.xhtml?q=" + word);
        var done = editor.submitTicking("bulk", "pick", List.of(first + "/en/1", second + "/en/1", draft + "/en/1"),
                Map.of(), "bulk:publish");
        assertEquals(200, done.statusCode(), done::body);
        List<String[]> results = new ArrayList<>();
        Matcher result = RESULT.matcher(done.body());
        while (result.find()) {
            results.add(new String[] {result.group(1), result.group(2), result.group(3)});
        }
        assertEquals(3, results.size(), done.body());
        assertEquals("done", results.get(0)[0]);
        assertTrue(results.get(0)[1].contains("First approved") && results.get(0)[1].contains("(English)"), results.get(0)[1]);
        assertEquals("Published", results.get(0)[2]);
        assertEquals("done", results.get(1)[0]);
        assertEquals("refused", results.get(2)[0]);
        assertTrue(results.get(2)[1].contains("Still a draft"), results.get(2)[1]);
        assertEquals("Refused: This action is not possible in the current state", results.get(2)[2]);

        for (long id : List.of(first, second)) {
            var variant = DatabaseRows.row("select state, live_revision_id from variant where article_id = ? and locale = 'en'", id);
            assertEquals("published", variant.get("state"));
            assertNotNull(variant.get("live_revision_id"));
        }
        var untouched = DatabaseRows.row("select state, live_revision_id from variant where article_id = ? and locale = 'en'", draft);
        assertEquals("draft", untouched.get("state"));
        assertNull(untouched.get("live_revision_id"));
        assertEquals(eventsBefore, DatabaseRows.count("select count(*) from audit_event where article_id = ?", draft));
        // the list after the step shows it
        assertTrue(done.body().contains(">English</span>: <span class=\"word\">Published</span>"), done.body());
        // what is live now has a next review date: first in that order, the draft after them; the
        // suite lists re-reviews 400 days ahead, so a sign-off of today is already "due"
        assertEquals(List.of(first, second, draft), listed(editor, "q=" + word + "&sort=review"));
        assertEquals(List.of(second, first), listed(editor, "q=" + word + "&due=true"));
    }

    @Test
    void anEditorAssignsAReviewerToSeveralAndAnAuthorIsOfferedNoBulkAction() {
        String word = word();
        long first = created("author", "Assign one " + word, word);
        long second = created("author", "Assign two " + word, word);
        var editor = signedIn("editor");
        editor.get("/admin/articles.xhtml?q=" + word);
        var nothingChosen = editor.submitTicking("bulk", "pick", List.of(first + "/en/1"), Map.of(), "bulk:assign");
        assertTrue(nothingChosen.body().contains("Choose the reviewer to assign."), nothingChosen.body());
        var done = editor.submitTicking("bulk", "pick", List.of(first + "/en/1", second + "/en/1"),
                Map.of("bulk:assignTo", "reviewer"), "bulk:assign");
        assertEquals(2, Pattern.compile("<li class=\"done\">").matcher(done.body()).results().count(), done.body());
        assertTrue(done.body().contains("Assigned to reviewer"), done.body());
        for (long id : List.of(first, second)) {
            assertEquals("reviewer", DatabaseRows.text("select assigned_reviewer from variant where article_id = ?", id));
        }
        assertEquals(List.of(second, first), listed(signedIn("reviewer"), "q=" + word + "&mine=true"));

        var author = signedIn("author");
        String html = author.get("/admin/articles.xhtml?q=" + word).body();
        assertEquals(2, rows(html).size());
        assertFalse(html.contains("name=\"pick\""), "the workflow gives an author no bulk action: " + html);
        assertFalse(html.contains("bulk:publish"), html);
    }
}
