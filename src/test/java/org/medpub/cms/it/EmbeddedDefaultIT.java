package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded default that the run command starts: H2 in a data folder, demo users and demo
 * articles, and the API working on it.
 */
@Tag("h2")
@ExtendWith(ArquillianExtension.class)
class EmbeddedDefaultIT {

    @Deployment(testable = false)
    static WebArchive builtWar() {
        return SuiteDeployment.builtWar();
    }

    @ArquillianResource
    URL server;

    @BeforeEach
    void shareServer() throws URISyntaxException {
        Api.useServer(server.toURI());
    }

    @Test
    void isReadyOnH2InTheDataFolder() {
        assertEquals(200, Api.anonymous().get("/health/ready").status());
        String url = System.getProperty("cms.it.db.url");
        assertTrue(url.startsWith("jdbc:h2:file:"), url);
        Path file = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".mv.db");
        assertTrue(Files.isRegularFile(file), file + " exists");
    }

    @Test
    void everyDemoUserSignsInWithTheDemoPassword() {
        for (String user : new String[] {"author", "translator", "reviewer", "editor", "admin"}) {
            assertEquals(200, Api.as(user).get("/api/articles?limit=1").status(), user);
        }
        assertEquals(401, Api.as("admin", "wrong").get("/api/articles").status());
    }

    @Test
    void fourDemoArticlesHaveSpanishTranslations() {
        JsonNode english = Api.as("editor").get("/api/articles?locale=en&limit=100").json().get("items");
        Set<Long> demo = new HashSet<>();
        english.forEach(item -> demo.add(item.get("id").asLong()));
        JsonNode spanish = Api.as("editor").get("/api/articles?locale=es&limit=100").json().get("items");
        Set<Long> translated = new HashSet<>();
        spanish.forEach(item -> translated.add(item.get("id").asLong()));
        assertTrue(translated.size() >= 4, spanish::toString);
        assertTrue(demo.containsAll(translated), "every Spanish demo article has its English source");
        JsonNode first = Api.as("editor").get("/api/articles/" + translated.iterator().next()).json();
        assertEquals("in_progress", ArticleApiTests.locale(first, "es").get("translationStatus").asText());
        assertEquals(1, ArticleApiTests.locale(first, "es").get("sourceRevision").asInt());
    }

    @Test
    void theTranslationMemoryIndexedTheDemoTranslationsOnH2() throws Exception {
        JsonNode spanish = Api.as("editor").get("/api/articles?locale=es&limit=1").json().get("items");
        String demo = "/api/articles/" + spanish.get(0).get("id").asLong() + "/locales/";
        String englishTitle = Api.as("editor").get(demo + "en").json().get("title").asText();
        String spanishTitle = Api.as("editor").get(demo + "es").json().get("title").asText();
        String article = RevisionApiTests.path(Api.as("author").post("/api/articles",
                Fixtures.with(article(unique("memory-h2")), "title", englishTitle)));

        var export = Api.as("translator").get(article + "/locales/es/xliff");

        assertEquals(200, export.status(), export::toString);
        var title = XliffTests.unit(XliffTests.parse(export.body()), "title");
        assertEquals(spanishTitle, XliffTests.target(title).getTextContent());
    }

    @Test
    void articlesAreSavedAndReadBackOnH2() {
        Api author = Api.as("author");
        String slug = unique("h2");
        var created = author.post("/api/articles", article(slug));
        assertEquals(201, created.status(), created::toString);
        String path = RevisionApiTests.path(created);

        assertEquals(200, author.put(path + "/locales/en", edit(slug, "Revised on H2.", "h2"), "\"r1\"").status());
        assertEquals(412, author.put(path + "/locales/en", edit(slug, "Stale.", "h2"), "\"r1\"").status());
        assertEquals("Revised on H2.", author.get(path + "/locales/en").json().get("body").asText());
        assertEquals(2, author.get(path + "/locales/en/revisions").json().get("revisions").size());
        assertEquals(200, author.get(path + "/locales/en/diff?from=1&to=2").status());
    }

    /** The reader site's native queries (index pages, sitemap files by keyset) are plain SQL that H2 runs too. */
    @Test
    void theSitemapsAndTheIndexPagesWorkOnH2() {
        Api author = Api.as("author");
        for (int i = 0; i < 5; i++) {
            Workflow.publish(author, RevisionApiTests.path(author.post("/api/articles", article(unique("h2map")))) + "/locales/en");
        }
        Api reader = Api.anonymous();
        List<String> files = ReaderPagingTests.sitemapFiles(reader);
        assertTrue(files.contains("/sitemaps/en-2.xml"), files::toString);
        for (String file : files) {
            var sitemap = reader.get(file);
            assertEquals(200, sitemap.status(), () -> file + ": " + sitemap);
            assertTrue(sitemap.body().contains("<lastmod>") && sitemap.body().contains("hreflang=\"x-default\""), sitemap::body);
        }
        var second = reader.get("/en/?page=2");
        assertEquals(200, second.status(), second::toString);
        assertTrue(second.body().contains("Page 2 of "), second::body);
    }

    @Test
    void readersFindPublishedWordsOnH2() {
        Api author = Api.as("author");
        String word = unique("h2found").replace("-", "");
        String draft = unique("h2draft").replace("-", "");
        String slug = unique("h2search");
        String path = RevisionApiTests.path(author.post("/api/articles", Fixtures.with(article(slug), "body", "Found " + word + ".")));
        Workflow.publish(author, path + "/locales/en");
        assertEquals(200, author.put(path + "/locales/en", edit(slug, "Drafted " + draft + ".", "draft"), "\"r1\"").status());

        var found = Api.anonymous().get("/en/search?q=" + word.toUpperCase(java.util.Locale.ROOT) + "+migraine");
        assertEquals(200, found.status(), found::toString);
        assertTrue(found.body().contains("1 article found"), found::body);
        assertTrue(found.body().contains("<a href=\"/en/articles/" + slug + "\">"), found::body);
        assertTrue(Api.anonymous().get("/en/search?q=" + draft).body().contains("<ol class=\"results\"></ol>"),
                "a draft's words are not found");
    }

    @Test
    void previewLinksWorkOnH2() {
        String marker = unique("h2preview");
        var created = Api.as("author").post("/api/articles", Fixtures.with(article(unique("h2link")), "body", marker));
        String path = RevisionApiTests.path(created);
        var link = Api.as("reviewer").post(path + "/locales/en/revisions/1/preview-link", Map.of());
        assertEquals(201, link.status(), link::toString);

        var page = Api.anonymous().get(link.json().get("url").asText());

        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains(marker), page::body);
    }

    @Test
    void aSafetyRelevantSourceChangeTakesOutdatedTranslationsOffLine() {
        Api author = Api.as("author");
        String slug = unique("safety");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        Workflow.publish(author, article + "/locales/en");
        var spanish = Fixtures.with(edit(unique("seguridad"), "Texto.", "Traducción"), "title", "Seguridad");
        assertEquals(201, Api.as("translator").put(article + "/locales/es", spanish, null).status());
        Workflow.publish(Api.as("translator"), article + "/locales/es");

        var safety = Fixtures.with(edit(slug, "Never with alcohol.", "Interaction"), "safetyRelevant", true);
        assertEquals(200, author.put(article + "/locales/en", safety, "\"r1\"").status());
        Workflow.publish(author, article + "/locales/en");

        JsonNode es = ArticleApiTests.locale(author.get(article).json(), "es");
        assertEquals("draft", es.get("state").asText());
        assertTrue(es.get("liveRevision") == null || es.get("liveRevision").isNull(), es::toString);
        JsonNode events = author.get(article + "/locales/es/history").json().get("events");
        JsonNode last = events.get(events.size() - 1);
        assertEquals("withdraw", last.get("action").asText());
        assertEquals("published", last.get("from").asText());
        assertEquals("draft", last.get("to").asText());
    }

    @Test
    void item10_forwardedProtoCountsForNothingUntilTheOperatorTrustsTheProxy() {
        AdminSession proxied = new AdminSession().with("X-Forwarded-Proto", "https");

        proxied.signIn("editor", "demo");

        String cookie = proxied.lastRedirect.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertFalse(cookie.toLowerCase(java.util.Locale.ROOT).contains("secure"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
        assertTrue(proxied.last.headers().firstValue("Strict-Transport-Security").isEmpty(), proxied.last.headers()::toString);
        assertEquals("no-store", proxied.last.headers().firstValue("Cache-Control").orElse(null));
    }
}
