package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Creating an article, reading it back per locale, saving revisions and translations. */
abstract class ArticleApiTests {

    final Api author = Api.as("author");

    @Test
    void createAnswers201WithLocationEtagAndTheArticle() {
        String slug = unique("migraine");
        var created = author.post("/api/articles", article(slug));

        assertEquals(201, created.status(), created::toString);
        String location = created.header("Location").orElseThrow();
        assertTrue(location.matches(".*/api/articles/\\d+"), location);
        assertEquals("\"r1\"", created.etag());
        assertTrue(created.header("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode body = created.json();
        assertEquals("en", body.get("sourceLocale").asText());
        assertEquals("author", body.get("createdBy").asText());

        var fetched = author.get(location);
        assertEquals(200, fetched.status());
        JsonNode en = locale(fetched.json(), "en");
        assertEquals("draft", en.get("state").asText());
        assertEquals(1, en.get("currentRevision").asInt());
        assertTrue(en.get("liveRevision") == null || en.get("liveRevision").isNull());
        assertEquals("source", en.get("translationStatus").asText());
        assertEquals("missing", locale(fetched.json(), "es").get("translationStatus").asText());
        assertEquals(1, DatabaseRows.count("select count(*) from revision r join variant v on v.id = r.variant_id"
                + " where v.locale = 'en' and r.slug = ?", slug));
    }

    @Test
    void theLatestRevisionOfALocaleComesWithItsEtag() {
        String path = create(unique("latest"));
        var latest = author.get(path + "/locales/en");

        assertEquals(200, latest.status());
        assertEquals("\"r1\"", latest.etag());
        JsonNode revision = latest.json();
        assertEquals(1, revision.get("number").asInt());
        assertEquals("Living with migraine", revision.get("title").asText());
        assertEquals("migraine", revision.get("topics").get(0).asText());
        assertEquals("10.1000/migraine.2024", revision.get("references").get(0).get("doi").asText());
        assertEquals("12345678", revision.get("references").get(0).get("pmid").asText());
        assertEquals("author", revision.get("author").asText());
    }

    @Test
    void aSaveWithTheCurrentEtagMakesANewRevisionAndKeepsTheOldOne() {
        String slug = unique("save");
        String path = create(slug);

        var saved = author.put(path + "/locales/en", edit(slug, "A new body.", "Shorter"), "\"r1\"");

        assertEquals(200, saved.status(), saved::toString);
        assertEquals("\"r2\"", saved.etag());
        assertEquals(2, saved.json().get("number").asInt());
        assertEquals("Shorter", saved.json().get("changeNote").asText());
        var first = author.get(path + "/locales/en/revisions/1").json();
        assertTrue(first.get("body").asText().startsWith("## What a migraine is"), "revision 1 is unchanged");
        assertEquals("A new body.", author.get(path + "/locales/en").json().get("body").asText());
    }

    @Test
    void aStaleEtagIs412AndChangesNothing() {
        String slug = unique("stale");
        String path = create(slug);
        assertEquals(200, author.put(path + "/locales/en", edit(slug, "Second.", "2"), "\"r1\"").status());

        var stale = author.put(path + "/locales/en", edit(slug, "Lost?", "3"), "\"r1\"");

        assertEquals(412, stale.status(), stale::toString);
        assertTrue(stale.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(412, stale.json().get("status").asInt());
        assertEquals("Second.", author.get(path + "/locales/en").json().get("body").asText());
        assertEquals(2, DatabaseRows.count("select count(*) from revision r join variant v on v.id = r.variant_id"
                + " where v.locale = 'en' and v.slug = ?", slug));
    }

    @Test
    void aSaveWithoutIfMatchIs428() {
        String slug = unique("noifmatch");
        String path = create(slug);

        var missing = author.put(path + "/locales/en", edit(slug, "No tag.", "x"), null);

        assertEquals(428, missing.status(), missing::toString);
        assertEquals(428, missing.json().get("status").asInt());
        assertEquals(1, author.get(path + "/locales/en/revisions").json().get("revisions").size());
    }

    @Test
    void aNewTranslationNeedsNoIfMatchAndRecordsItsSourceRevision() {
        String path = create(unique("translate"));
        var translation = Fixtures.with(edit(unique("migrana"), "## Qué es la migraña\n\nUn dolor de cabeza.", "Traducción"),
                "title", "Vivir con migraña");

        var created = Api.as("translator").put(path + "/locales/es", translation, null);

        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").orElseThrow().endsWith(path + "/locales/es"));
        assertEquals("\"r1\"", created.etag());
        assertEquals(1, created.json().get("sourceRevision").asInt());
        JsonNode es = locale(author.get(path).json(), "es");
        assertEquals("in_progress", es.get("translationStatus").asText());
        assertEquals(1, es.get("sourceRevision").asInt());
    }

    @Test
    void theListPagesThroughArticlesWithACursor() {
        String marker = unique("pagedlist");
        for (int i = 0; i < 3; i++) {
            author.post("/api/articles", Fixtures.with(article(marker + "-" + i), "title", "Paging " + marker + " " + i));
        }
        Set<String> seen = new HashSet<>();
        var first = author.get("/api/articles?locale=en&q=" + marker + "&limit=2");
        assertEquals(200, first.status(), first::toString);
        assertEquals(2, first.json().get("items").size());
        first.json().get("items").forEach(item -> seen.add(item.get("slug").asText()));
        String cursor = first.json().get("nextCursor").asText();

        var second = author.get("/api/articles?locale=en&q=" + marker + "&limit=2&cursor=" + cursor);
        assertEquals(1, second.json().get("items").size());
        second.json().get("items").forEach(item -> seen.add(item.get("slug").asText()));
        assertFalse(second.json().has("nextCursor"));
        assertEquals(Set.of(marker + "-0", marker + "-1", marker + "-2"), seen);
        assertEquals(0, author.get("/api/articles?state=published&q=" + marker).json().get("items").size());
    }

    @Test
    void unknownArticlesAndLocalesAre404Problems() {
        for (String path : new String[] {"/api/articles/99999999", "/api/articles/123abc", "/api/articles/-1",
                "/api/articles/99999999999999999999", "/api/articles/1/locales/xx"}) {
            var missing = author.get(path);
            assertEquals(404, missing.status(), path + " " + missing);
            assertEquals(404, missing.json().get("status").asInt(), path);
        }
        String path = create(unique("nolocale"));
        assertEquals(404, author.get(path + "/locales/de").status());
        assertEquals(404, author.get(path + "/locales/en/revisions/7").status());
    }

    String create(String slug) {
        var created = author.post("/api/articles", article(slug));
        assertEquals(201, created.status(), created::toString);
        String location = created.header("Location").orElseThrow();
        assertNotNull(location);
        return location.substring(location.indexOf("/api/"));
    }

    static JsonNode locale(JsonNode article, String locale) {
        for (JsonNode entry : article.get("locales")) {
            if (entry.get("locale").asText().equals(locale)) {
                return entry;
            }
        }
        throw new AssertionError("No entry for " + locale + " in " + article);
    }
}
