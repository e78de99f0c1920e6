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

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Every row of the reader-page table in CONTRACT.md, on PostgreSQL. */
abstract class ReaderSiteTests {

    final Api author = Api.as("author");
    final Api reader = Api.anonymous();

    @Test
    void theRootSendsReadersToTheirBestLanguage() {
        assertEquals("/es/", redirect("es-MX, es;q=0.9, en;q=0.5"));
        assertEquals("/fr/", redirect("de;q=0.1, fr;q=0.9"));
        assertEquals("/en/", redirect("ja"));
        var plain = reader.get("/");
        assertEquals(303, plain.status());
        assertEquals("/en/", plain.header("Location").orElseThrow());
    }

    @Test
    void anArticlePageCarriesLanguageAlternatesStructuredDataAndTheReview() {
        String slug = unique("reader");
        String spanishSlug = unique("lector");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        Workflow.publish(author, article + "/locales/en");
        author.put(article + "/locales/es", with(edit(spanishSlug, "## Qué es\n\nUn dolor de cabeza.", "es"),
                "title", "Vivir con migraña"), null);
        Workflow.publish(author, article + "/locales/es");

        var page = reader.get("/en/articles/" + slug);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.header("Content-Type").orElseThrow().startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<html lang=\"en\" dir=\"ltr\">"), html);
        assertTrue(html.contains("<link rel=\"canonical\" href=\"" + Api.siteBase().resolve("/en/articles/" + slug) + "\">"), html);
        assertTrue(html.contains("hreflang=\"es\" href=\"" + Api.siteBase().resolve("/es/articles/" + spanishSlug) + "\""), html);
        assertTrue(html.contains("hreflang=\"x-default\" href=\"" + Api.siteBase().resolve("/en/articles/" + slug) + "\""), html);
        assertTrue(html.contains("Medically reviewed by <a href=\"/en/people/rana-reviewer\">Dr. Rana Reviewer</a>,"
                + " MD, internal medicine, on "), html);
        assertTrue(html.contains("does not replace advice from a doctor"), html);
        assertTrue(html.contains("<ol class=\"references\"><li><bdi>Example headache society."), html);
        assertTrue(html.contains("<h2>What a migraine is</h2>"), html);
        JsonNode data = SchemaOrg.jsonLd(html);
        assertEquals("MedicalWebPage", data.get("@type").asText());
        assertTrue(data.get("lastReviewed").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertEquals("Dr. Rana Reviewer", data.get("reviewedBy").get("name").asText());
        assertFalse(html.contains("jsessionid") || page.header("Set-Cookie").isPresent(), "pages are stateless");

        var spanish = reader.get("/es/articles/" + spanishSlug).body();
        assertTrue(spanish.contains("Revisión médica de <a href=\"/es/people/rana-reviewer\">Dr. Rana Reviewer</a>,"
                + " Médica, medicina interna, el "), spanish);
    }

    @Test
    void pagesAnswerConditionalRequestsWith304() {
        String slug = unique("conditional");
        Workflow.publish(author, RevisionApiTests.path(author.post("/api/articles", article(slug))) + "/locales/en");
        var page = reader.get("/en/articles/" + slug);
        String etag = page.header("ETag").orElseThrow();
        String lastModified = page.header("Last-Modified").orElseThrow();

        assertEquals(304, reader.send(reader.request("/en/articles/" + slug).header("If-None-Match", etag)).status());
        assertEquals(304, reader.send(reader.request("/en/articles/" + slug).header("If-Modified-Since", lastModified)).status());
        assertEquals(200, reader.send(reader.request("/en/articles/" + slug).header("If-None-Match", "\"other\"")).status());
    }

    @Test
    void aLocaleWithoutTranslationShowsTheNearestWithANoticeInTheReadersLanguage() {
        String slug = unique("fallback");
        Workflow.publish(author, RevisionApiTests.path(author.post("/api/articles", article(slug))) + "/locales/en");

        var german = reader.get("/de/articles/" + slug);
        assertEquals(200, german.status());
        assertTrue(german.body().contains("<html lang=\"de\""), german::body);
        assertTrue(german.body().contains("Dieser Artikel ist noch nicht auf Deutsch verfügbar"), german::body);
        assertTrue(german.body().contains("<article lang=\"en\" dir=\"ltr\">"), german::body);
        assertTrue(german.body().contains("rel=\"canonical\" href=\"" + Api.siteBase().resolve("/en/articles/" + slug)), german::body);

        var arabic = reader.get("/ar/articles/" + slug).body();
        assertTrue(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"), arabic);
    }

    @Test
    void anOldSlugAnswers301ToTheCurrentOne() {
        String first = unique("before");
        String second = unique("after");
        String en = RevisionApiTests.path(author.post("/api/articles", article(first))) + "/locales/en";
        Workflow.publish(author, en);
        author.put(en, edit(second, "Renamed.", "new slug"), "\"r1\"");
        assertEquals(200, reader.get("/en/articles/" + first).status(), "the old slug is live until the new one is");
        Workflow.publish(author, en);

        var moved = reader.get("/en/articles/" + first);
        assertEquals(301, moved.status());
        assertEquals("/en/articles/" + second, moved.header("Location").orElseThrow());
        assertTrue(reader.get("/en/articles/" + second).body().contains("Renamed."), "a publish shows on the next request");
    }

    @Test
    void searchFindsWordsWithTheLanguagesStemming() {
        String marker = unique("stem").replace("-", "");
        var body = with(article(unique("search")), "body", "Regular vaccinations protect children " + marker + ".");
        Workflow.publish(author, RevisionApiTests.path(author.post("/api/articles", body)) + "/locales/en");

        var found = reader.get("/en/search?q=vaccination+" + marker);
        assertEquals(200, found.status());
        assertTrue(found.body().contains("1 article found"), found::body);
        assertTrue(found.body().contains("<mark>vaccinations</mark>"), found::body);
        assertTrue(reader.get("/en/search?q=nothingmatches" + marker).body().contains("No articles found"));
        assertFalse(reader.get("/es/search?q=" + marker).body().contains(marker + "</mark>"), "other locales are not searched");
    }

    @Test
    void searchReadsWordsOutsideAsciiAsTheBrowserSendsThem() {
        String marker = unique("utf").replace("-", "");
        var body = with(article(unique("umlaut")), "body", "Migräne" + marker + " is a German word.");
        Workflow.publish(author, RevisionApiTests.path(author.post("/api/articles", body)) + "/locales/en");

        var found = reader.get("/en/search?q=Migr%C3%A4ne" + marker);
        assertTrue(found.body().contains("value=\"Migräne" + marker + "\""), found::body);
        assertTrue(found.body().contains("1 article found"), found::body);
    }

    @Test
    void theSitemapListsPublishedPagesWithTheirAlternates() {
        String slug = unique("sitemap");
        String draft = unique("sitemapdraft");
        Workflow.publish(author, RevisionApiTests.path(author.post("/api/articles", article(slug))) + "/locales/en");
        author.post("/api/articles", article(draft));

        var index = reader.get("/sitemap.xml");
        assertEquals(200, index.status());
        assertTrue(index.header("Content-Type").orElseThrow().startsWith("application/xml"));
        String sitemap = ReaderPagingTests.sitemapOf(reader, "en");
        assertTrue(sitemap.contains("<loc>" + Api.siteBase().resolve("/en/articles/" + slug) + "</loc>"), sitemap);
        assertTrue(sitemap.contains("hreflang=\"en\""));
        assertFalse(sitemap.contains(draft));
    }

    @Test
    void whatIsNotPublishedLooksExactlyLikeWhatNeverExisted() {
        String draft = unique("unpublished");
        String archived = unique("archived");
        author.post("/api/articles", article(draft));
        String gone = RevisionApiTests.path(author.post("/api/articles", article(archived))) + "/locales/en";
        Workflow.publish(author, gone);
        take(Api.as("editor"), gone, step("archive"));

        var never = reader.get("/en/articles/" + unique("never"));
        assertEquals(404, never.status());
        for (String path : new String[] {"/en/articles/" + draft, "/en/articles/" + archived, "/xx/articles/" + draft,
                "/en/articles/", "/en/nothing"}) {
            var answer = reader.get(path);
            assertEquals(404, answer.status(), path);
            assertEquals(never.body(), answer.body(), path);
        }
        assertFalse(reader.get("/en/").body().contains(draft));
        assertFalse(reader.get("/en/").body().contains(archived));
    }

    private String redirect(String acceptLanguage) {
        var answer = reader.send(reader.request("/").header("Accept-Language", acceptLanguage));
        assertEquals(303, answer.status());
        return answer.header("Location").orElseThrow();
    }
}
