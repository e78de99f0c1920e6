package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The reader search on PostgreSQL (issue 14): the stored words of live revisions only, ranked, paged
 * with the suite's page size of 3 and 8 ranked matches ({@code IntegrationDatabase}), snippets
 * escaped, long queries cut, and the page's LIMIT in the statement that reaches PostgreSQL.
 */
abstract class ReaderSearchTests {

    private static final Pattern HIT = Pattern.compile("<li><a href=\"/[a-z-]+/articles/([^\"]+)\">");

    final Api author = Api.as("author");
    final Api editor = Api.as("editor");
    final Api reader = Api.anonymous();

    @Test
    void findsOnlyTheLiveTextOfThatLocaleAndForgetsItOnUnpublish() {
        String live = word("live");
        String draft = word("draft");
        String slug = unique("searchlive");
        String article = RevisionApiTests.path(author.post("/api/articles", with(article(slug), "body", "Published " + live + ".")));
        String en = article + "/locales/en";
        Workflow.publish(author, en);
        long id = Long.parseLong(article.substring(article.lastIndexOf('/') + 1));
        assertEquals(1, DatabaseRows.count("select count(*) from reader_search s join variant v on v.id = s.variant_id"
                + " where v.article_id = ? and s.locale = 'en'", id), "publishing wrote the variant's words");

        assertEquals(200, author.put(en, edit(slug, "Drafted " + draft + ".", "draft"), "\"r1\"").status());
        assertFound(1, search("en", live));
        assertNone(search("en", draft));
        assertNone(search("es", live));

        Workflow.publish(author, en);
        assertNone(search("en", live));
        assertFound(1, search("en", draft));

        assertEquals(200, take(editor, en, step("unpublish")).status());
        assertNone(search("en", draft));
        assertEquals(0, DatabaseRows.count("select count(*) from reader_search s join variant v on v.id = s.variant_id"
                + " where v.article_id = ?", id), "unpublishing took the words out in its transaction");
    }

    @Test
    void aTitleMatchRanksAboveABodyOnlyMatch() {
        String word = word("rank");
        // the title match is published first: newest first would put it second
        String inTitle = publish("en", with(article(unique("intitle")), "title", "About " + word));
        String inBody = publish("en", with(article(unique("inbody")), "body", "Only the body says " + word + "."));

        var page = search("en", word);
        assertFound(2, page);
        assertEquals(List.of(inTitle, inBody), hits(page.body()));
    }

    @Test
    void wordsAreStemmedByTheLanguageOfTheirLocale() {
        String marker = word("stem");
        String article = RevisionApiTests.path(author.post("/api/articles",
                with(article(unique("stemen")), "body", "Regular vaccinations protect children " + marker + ".")));
        Workflow.publish(author, article + "/locales/en");
        translate(article, "es", "Las vacunaciones protegen a los niños " + marker + ".");
        translate(article, "de", "Die Kopfschmerzen vergehen " + marker + ".");
        translate(article, "fr", "Les vaccinations protègent les enfants " + marker + ".");
        translate(article, "ar", "التطعيمات تحمي الأطفال " + marker + ".");

        assertFound(1, search("en", "vaccination " + marker));
        assertFound(1, search("es", "vacunación " + marker));
        assertFound(1, search("de", "Kopfschmerz " + marker));
        assertFound(1, search("fr", "vaccination " + marker));
        assertFound(1, search("ar", "التطعيمات " + marker));
        assertNone(search("ar", "تطعيمات " + marker));
        assertNone(search("de", "vaccination " + marker));
    }

    @Test
    void resultsArePagedWithLinksToEveryPage() {
        String common = word("common");
        String some = word("some");
        List<String> published = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String body = "Article " + i + " of " + common + (i > 6 ? " and " + some : "") + ".";
            published.add(publish("en", with(article(unique("page" + i)), "body", body)));
        }

        // 10 match, 8 (the newest) are ranked: three pages of 3, 3 and 2
        var first = links(search("en", common));
        assertTrue(first.contains("More than 8 articles found"), () -> first);
        assertFalse(first.contains("rel=\"prev\""), () -> first);
        String next = "/en/search?q=" + common + "&page=2";
        assertTrue(first.contains("<link rel=\"next\" href=\"" + next + "\">"), () -> first);
        assertTrue(first.contains("<nav class=\"pages\" aria-label=\"Pages of results\">"), () -> first);
        assertTrue(first.contains("<span aria-current=\"page\">1</span>"), () -> first);
        assertTrue(first.contains("<a href=\"/en/search?q=" + common + "&page=3\" aria-label=\"Page 3\">3</a>"),
                () -> first);
        var second = links(reader.get("/en/search?q=" + common + "&page=2"));
        assertTrue(second.contains("<link rel=\"prev\" href=\"/en/search?q=" + common + "\">"), () -> second);
        assertTrue(second.contains("<ol class=\"results\" start=\"4\">"), () -> second);
        var third = links(reader.get("/en/search?q=" + common + "&page=3"));
        assertFalse(third.contains("rel=\"next\""), () -> third);
        List<String> shown = new ArrayList<>();
        for (String page : List.of(first, second, third)) {
            shown.addAll(hits(page));
        }
        assertEquals(List.of(3, 3, 2), List.of(hits(first).size(), hits(second).size(), hits(third).size()));
        assertEquals(published.subList(2, 10).stream().sorted().toList(), shown.stream().sorted().toList(),
                "the newest eight, each once");
        assertEquals(hits(third), hits(reader.get("/en/search?q=" + common + "&page=999").body()),
                "a page beyond the last shows the last");

        var few = search("en", some);
        assertFound(4, few);
        var fewSecond = reader.get("/en/search?q=" + some + "&page=2");
        assertEquals(1, hits(fewSecond.body()).size(), fewSecond::body);
        assertTrue(fewSecond.body().contains("4 articles found"), fewSecond::body);
    }

    @Test
    void theSnippetEscapesTheArticlesText() {
        String word = word("escape");
        publish("en", with(article(unique("escape")), "body",
                "Doses <img src=x onerror=alert(1)> & \"quotes\" " + word + " <script>alert(2)</script> end."));

        String html = search("en", word).body();
        assertTrue(html.contains("<mark>" + word + "</mark>"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"), html);
        assertFalse(html.contains("<img") || html.contains("<script>alert"), html);
    }

    @Test
    void aVeryLongQueryIsCutToItsFirstWordsAndAnswered() {
        String word = word("long");
        publish("en", with(article(unique("long")), "body", "A long search finds " + word + " among filler words."));
        // under 8 KiB, the HTTP listener's limit for a header line (README, Bad input)
        String query = word + (" filler").repeat(1_100);

        var page = reader.get("/en/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));

        assertFound(1, page);
        assertTrue(page.body().contains("only the words now in the search box were searched"), page::body);
        Matcher box = Pattern.compile("name=\"q\" type=\"search\" value=\"([^\"]*)\"").matcher(page.body());
        assertTrue(box.find(), page::body);
        assertTrue(box.group(1).length() <= 200 && box.group(1).startsWith(word + " filler"), box.group(1));
    }

    @Test
    void theLimitOfThePageIsWrittenIntoTheStatementThatPostgresqlRuns() {
        try {
            DatabaseRows.execute("create extension if not exists pg_stat_statements");
            DatabaseRows.count("select count(*) from pg_stat_statements");
        } catch (Exception notLoaded) {
            Assumptions.abort("pg_stat_statements is not loaded in this PostgreSQL: " + notLoaded);
        }
        search("en", word("limit"));
        String statement = DatabaseRows.text("select query from pg_stat_statements where query like '%from reader_search s%'"
                + " order by calls desc limit 1");
        assertTrue(statement.matches("(?s).*limit \\$\\d+ offset \\$\\d+\\).*"), statement);
    }

    /** A word no other test writes, one token for every parser. */
    private static String word(String prefix) {
        return unique(prefix).replace("-", "");
    }

    private Api.Reply search(String locale, String words) {
        var reply = reader.get("/" + locale + "/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply::toString);
        return reply;
    }

    /** Publishes a new article in this locale (its source) and answers its slug. */
    private String publish(String locale, java.util.Map<String, Object> article) {
        String path = RevisionApiTests.path(author.post("/api/articles", article));
        Workflow.publish(author, path + "/locales/" + locale);
        return (String) article.get("slug");
    }

    private void translate(String article, String locale, String body) {
        var created = author.put(article + "/locales/" + locale,
                with(edit(unique("stem" + locale), body, locale), "title", "Translated " + locale), null);
        assertEquals(201, created.status(), created::toString);
        Workflow.publish(author, article + "/locales/" + locale);
    }

    /** The page with its attributes as a browser reads them: Mustache writes '=' and '&' in a link as entities. */
    private static String links(Api.Reply page) {
        return page.body().replace("&#61;", "=").replace("&amp;", "&");
    }

    private static List<String> hits(String html) {
        int list = html.indexOf("<ol class=\"results\"");
        Matcher hit = HIT.matcher(html.substring(list, html.indexOf("</ol>", list)));
        List<String> slugs = new ArrayList<>();
        while (hit.find()) {
            slugs.add(hit.group(1));
        }
        return slugs;
    }

    private static void assertFound(int count, Api.Reply page) {
        // the result line is checked in English; other languages word it (and their plurals) their own way
        if (page.body().contains("<html lang=\"en\"")) {
            assertTrue(page.body().contains(count + (count == 1 ? " article found" : " articles found")), page::body);
        }
        assertEquals(Math.min(count, 3), hits(page.body()).size(), page::body);
    }

    private static void assertNone(Api.Reply page) {
        assertTrue(page.body().contains("<ol class=\"results\"></ol>"), page::body);
    }
}
