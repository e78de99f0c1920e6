package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a reader sees of imported articles (their first paragraph once, never a cut copy as the
 * summary) and of a locale's index with {@code cms.site.list-fallback} on (the default): the articles
 * readable in the locale only through its fallback chain are listed among its own, labelled with
 * their language, paged with them, and nothing unpublished ever appears. The suite shows 4 articles a
 * page ({@code cms.site.index-page-size}, IntegrationDatabase).
 */
abstract class ReaderListingTests {

    static final int PAGE_SIZE = ReaderPagingTests.PAGE_SIZE;
    private static final Pattern ITEM = Pattern.compile("<li><a href=\"(/[^\"]+)\"([^>]*)>");

    final Api author = Api.as("author");
    final Api reader = Api.anonymous();

    @Test
    void anImportedDocumentShowsItsFirstParagraphOnceAndNoCutCopyAsItsSummary() {
        String marker = unique("runners");
        String opening = "Runners lose iron through sweat and through the impact of every stride, " + marker
                + ", and a long training block can empty the stores without anyone noticing until races get slower.";
        var created = author.post("/api/import?locale=en", "text/plain; charset=UTF-8",
                "Iron for Runners " + marker + "\n\n" + opening + "\n\nA blood test of ferritin shows how full the stores are.\n");
        String article = RevisionApiTests.path(created);
        JsonNode draft = author.get(article + "/locales/en").json();
        assertEquals("", draft.get("summary").asText(), "the summary is left for the editor: " + draft);
        assertTrue(draft.get("body").asText().startsWith(opening), draft::toString);

        String html = articleElement(publishedPage(article, draft.get("slug").asText()));
        assertEquals(1, occurrences(html, marker + ", and a long"), "the first paragraph is on the page once: " + html);
        assertFalse(html.contains("<p class=\"summary\">"), html);
    }

    @Test
    void aMarkedLeadOfAnHtmlPageBecomesTheSummaryAndIsShownOnce() {
        String marker = unique("pollen");
        String lead = "Hay fever is an allergy to pollen " + marker + ".";
        var created = author.post("/api/import?locale=en", "text/html; charset=UTF-8",
                "<html><body><h1>Hay Fever " + marker + "</h1><p class=\"lead\">" + lead + "</p>"
                        + "<p>Antihistamine tablets help most people.</p><h2>When it starts</h2><p>In spring.</p></body></html>");
        String article = RevisionApiTests.path(created);
        JsonNode draft = author.get(article + "/locales/en").json();
        assertEquals(lead, draft.get("summary").asText(), draft::toString);
        assertTrue(draft.get("body").asText().startsWith("Antihistamine tablets help most people."), draft::toString);

        String html = articleElement(publishedPage(article, draft.get("slug").asText()));
        assertEquals(1, occurrences(html, "allergy to pollen " + marker), html);
        assertTrue(html.contains("<p class=\"summary\">" + lead + "</p>"), html);
    }

    @Test
    void aSummaryThatRepeatsTheFirstParagraphOrIsACutCopyOfItIsShownOnce() {
        String first = "A migraine is a moderate or severe headache felt as a throbbing pain on one side of the head.";
        for (String summary : List.of(first, "A migraine is a moderate or severe headache felt as a…")) {
            String slug = unique("repeated");
            String article = RevisionApiTests.path(author.post("/api/articles", with(article(slug), "summary", summary)));
            Workflow.publish(author, article + "/locales/en");

            String page = reader.get("/en/articles/" + slug).body();
            String html = articleElement(page);
            assertEquals(1, occurrences(html, "A migraine is a moderate or severe headache felt as a"), summary + ": " + html);
            assertFalse(html.contains("<p class=\"summary\">"), html);
            assertTrue(page.contains("<meta name=\"description\" content=\"" + summary.substring(0, 20)), "the meta description keeps it");
        }
    }

    @Test
    void theSpanishAndArabicIndexesListAnEnglishOnlyArticleLabelledWithItsLanguage() {
        String slug = unique("english-only");
        String title = "Sleep and Migraine " + slug;
        String article = RevisionApiTests.path(author.post("/api/articles", with(article(slug), "title", title)));
        Workflow.publish(author, article + "/locales/en");

        String english = reader.get("/en/").body();
        assertTrue(english.contains("<a href=\"/en/articles/" + slug + "\">" + title + "</a>"), english);

        String spanish = reader.get("/es/").body();
        assertTrue(spanish.contains("<a href=\"/es/articles/" + slug + "\" lang=\"en\" hreflang=\"en\" dir=\"auto\">" + title
                + "</a> <span class=\"language\">(en inglés)</span>"), spanish);
        assertTrue(spanish.contains("<span lang=\"en\" dir=\"auto\">What a migraine is and how attacks can be made rarer.</span>"),
                spanish);
        var page = reader.get("/es/articles/" + slug);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("está leyendo la versión en inglés"), "the link opens the fallback page: " + page.body());

        String arabic = reader.get("/ar/").body();
        assertTrue(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"), arabic);
        assertTrue(arabic.contains("<a href=\"/ar/articles/" + slug + "\" lang=\"en\" hreflang=\"en\" dir=\"auto\">" + title
                + "</a> <span class=\"language\">(باللغة الإنجليزية)</span>"), arabic);
    }

    @Test
    void anIndexListsEachArticleOnceInTheNearestLocaleAndNothingUnpublished() {
        // published in English and Spanish: Spanish readers get the Spanish title, once
        String slug = unique("both");
        String spanishSlug = unique("ambos");
        String both = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        Workflow.publish(author, both + "/locales/en");
        assertEquals(201, author.put(both + "/locales/es", with(edit(spanishSlug, "## Qué es\n\nUn dolor de cabeza.", "es"),
                "title", "Vivir con migraña " + spanishSlug), null).status());
        Workflow.publish(author, both + "/locales/es");
        // a draft only, and a Spanish draft of a published English article
        String draftSlug = unique("never-published");
        RevisionApiTests.path(author.post("/api/articles", with(article(draftSlug), "title", "Draft " + draftSlug)));
        String withDraft = unique("with-draft");
        String draftSpanishSlug = unique("borrador");
        String partly = RevisionApiTests.path(author.post("/api/articles", article(withDraft)));
        Workflow.publish(author, partly + "/locales/en");
        assertEquals(201, author.put(partly + "/locales/es", with(edit(draftSpanishSlug, "## Borrador\n\nTexto.", "es"),
                "title", "Borrador " + draftSpanishSlug), null).status());
        // published, then taken offline
        String offlineSlug = unique("offline");
        String offline = RevisionApiTests.path(author.post("/api/articles", article(offlineSlug)));
        Workflow.publish(author, offline + "/locales/en");
        assertTrue(reader.get("/es/").body().contains("/es/articles/" + offlineSlug + "\""), "listed while published");
        assertEquals(200, take(Api.as("editor"), offline + "/locales/en", step("archive")).status());

        String spanish = reader.get("/es/").body();
        assertTrue(spanish.contains("<a href=\"/es/articles/" + spanishSlug + "\">Vivir con migraña " + spanishSlug + "</a>"), spanish);
        assertFalse(spanish.contains("/es/articles/" + slug + "\""), "the English version of a Spanish article is not listed too");
        assertTrue(spanish.contains("<a href=\"/es/articles/" + withDraft + "\" lang=\"en\""), "its English version: " + spanish);
        for (String hidden : List.of(draftSlug, draftSpanishSlug, offlineSlug)) {
            assertFalse(spanish.contains(hidden), () -> hidden + " is listed: " + spanish);
        }
        for (String locale : List.of("es", "ar")) {
            long listed = listedCount(locale);
            String pageOne = reader.get("/" + locale + "/").body();
            assertFalse(pageOne.contains(draftSlug) || pageOne.contains(offlineSlug), pageOne);
            long pages = (listed + PAGE_SIZE - 1) / PAGE_SIZE;
            var beyond = reader.get("/" + locale + "/?page=" + (pages + 1));
            assertEquals(404, beyond.status(), () -> locale + ": an honest count of " + listed + " articles");
            assertEquals(200, reader.get("/" + locale + "/?page=" + pages).status(), locale);
        }
    }

    @Test
    void pagingWalksTranslatedAndFallbackArticlesNewestFirstEachOnce() {
        // newest last: three translated into Spanish and three in English only, alternating
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String slug = unique("walk");
            String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
            Workflow.publish(author, article + "/locales/en");
            if (i % 2 == 0) {
                String spanishSlug = unique("paseo");
                assertEquals(201, author.put(article + "/locales/es", with(edit(spanishSlug, "## Qué es\n\nTexto.", "es"),
                        "title", "Paseo " + i), null).status());
                Workflow.publish(author, article + "/locales/es");
                expected.add(0, "/es/articles/" + spanishSlug + "|");
            } else {
                expected.add(0, "/es/articles/" + slug + "| lang=\"en\" hreflang=\"en\" dir=\"auto\"");
            }
        }
        long pages = (listedCount("es") + PAGE_SIZE - 1) / PAGE_SIZE;

        String first = reader.get("/es/").body();
        var second = reader.get("/es/?page=2");
        assertEquals(200, second.status(), second::toString);
        assertTrue(first.contains("Página 1 de " + pages), first);
        assertTrue(second.body().contains("Página 2 de " + pages), second::body);
        List<String> walked = new ArrayList<>(items(first));
        assertEquals(PAGE_SIZE, walked.size(), first);
        walked.addAll(items(second.body()));
        assertEquals(expected, walked.subList(0, expected.size()), "newest first across the two pages");
        assertEquals(walked.size(), walked.stream().distinct().count(), "no article on both pages: " + walked);
    }

    /** The imported article published (the reviewer says why it needs no reference), and its English reader page. */
    private String publishedPage(String article, String slug) {
        String en = article + "/locales/en";
        assertEquals(200, take(author, en, step("submit")).status());
        Map<String, Object> approve = new LinkedHashMap<>(signOff("approve"));
        approve.put("noReferencesReason", "A short overview for the test; its sources follow in the linked articles.");
        assertEquals(200, take(Api.as("reviewer"), en, approve).status());
        assertEquals(200, take(Api.as("editor"), en, step("publish")).status());
        var page = reader.get("/en/articles/" + slug);
        assertEquals(200, page.status(), page::toString);
        return page.body();
    }

    /** How many articles the index of a locale lists: those with a published variant in its fallback chain (ends in en). */
    private static long listedCount(String locale) {
        return DatabaseRows.count("select count(distinct article_id) from variant where locale in (?, 'en')"
                + " and published_at is not null", locale);
    }

    /** The index's entries in order: each link's address and its other attributes. */
    private static List<String> items(String html) {
        List<String> items = new ArrayList<>();
        int list = html.indexOf("<ol class=\"results\">");
        Matcher item = ITEM.matcher(html.substring(list, html.indexOf("</ol>", list)));
        while (item.find()) {
            items.add(item.group(1) + "|" + item.group(2));
        }
        return items;
    }

    /** The article element of a reader page: its title, summary and body, without the head's description. */
    private static String articleElement(String html) {
        return html.substring(html.indexOf("<article"), html.indexOf("</article>"));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
