package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/import/batch}: a publisher's archive arrives as one NDJSON batch, all or nothing.
 * Published lines are on the reader site with their reviewer's sign-off at once; a bad line names
 * itself and leaves nothing behind.
 */
abstract class BatchImportTests {

    static final String NDJSON = "application/x-ndjson";

    final Api admin = Api.as("admin");

    @Test
    void aBatchIsOnTheReaderSiteWithItsHistoryReviewDatesAndTranslationStatus() {
        String slug = Fixtures.unique("batch-asthma");
        String draftSlug = Fixtures.unique("batch-draft");
        var published = line(slug, "published");
        published.put("previousBody", "Asthma narrows the airways. Old advice.");
        published.put("reviewer", "reviewer");
        published.put("translations", List.of(
                translation("es", slug + "-es", "published", false),
                translation("de", slug + "-de", "published", true),
                translation("fr", slug + "-fr", "draft", false)));
        var draft = line(draftSlug, "draft");

        // the index is cached now: the import must drop it
        assertFalse(Api.anonymous().get("/en/").body().contains(slug));

        var reply = admin.post("/api/import/batch", NDJSON, ndjson(published, draft));

        assertEquals(201, reply.status(), reply::toString);
        JsonNode body = reply.json();
        assertEquals(2, body.get("imported").asInt(), reply::toString);
        assertEquals(1, body.get("articles").get(0).get("line").asInt());
        assertEquals(2, body.get("articles").get(1).get("line").asInt());
        long id = body.get("articles").get(0).get("id").asLong();
        long draftId = body.get("articles").get(1).get("id").asLong();

        var en = Api.anonymous().get("/en/articles/" + slug);
        assertEquals(200, en.status(), en::toString);
        assertTrue(en.body().contains("Asthma narrows the airways. New advice."), en::body);
        assertFalse(en.body().contains("Old advice"), en::body);
        assertTrue(en.body().contains("10.1234/gina.2025"), "the reference keeps its DOI:\n" + en.body());
        assertEquals(200, Api.anonymous().get("/es/articles/" + slug + "-es").status());
        assertEquals(200, Api.anonymous().get("/de/articles/" + slug + "-de").status());
        assertEquals(404, Api.anonymous().get("/en/articles/" + draftSlug).status());
        assertTrue(inSitemap("/en/articles/" + slug), "a sitemap file names it");
        assertTrue(Api.anonymous().get("/en/").body().contains("/en/articles/" + slug), "the index shows it at once");

        JsonNode article = admin.get("/api/articles/" + id).json();
        Map<String, JsonNode> locales = new LinkedHashMap<>();
        article.get("locales").forEach(l -> locales.put(l.get("locale").asText(), l));
        assertEquals("published", locales.get("en").get("state").asText(), article::toString);
        assertEquals(2, locales.get("en").get("currentRevision").asInt(), article::toString);
        assertEquals(2, locales.get("en").get("liveRevision").asInt(), article::toString);
        assertEquals("current", locales.get("es").get("translationStatus").asText(), article::toString);
        assertEquals("outdated", locales.get("de").get("translationStatus").asText(), article::toString);
        assertEquals(1, locales.get("de").get("sourceRevision").asInt(), article::toString);
        assertEquals("in_progress", locales.get("fr").get("translationStatus").asText(), article::toString);
        assertEquals("draft", locales.get("fr").get("state").asText(), article::toString);

        JsonNode history = admin.get("/api/articles/" + id + "/locales/en/history").json().get("events");
        assertEquals(1, history.size(), history::toString);
        assertEquals("import", history.get(0).get("action").asText(), history::toString);
        assertEquals("admin", history.get(0).get("actor").asText(), history::toString);
        assertEquals("published", history.get(0).get("to").asText(), history::toString);
        JsonNode frHistory = admin.get("/api/articles/" + id + "/locales/fr/history").json().get("events");
        assertEquals("draft", frHistory.get(0).get("to").asText(), frHistory::toString);

        assertEquals(2, admin.get("/api/articles/" + id + "/locales/en/revisions").json().get("revisions").size());
        assertEquals(1, admin.get("/api/articles/" + draftId + "/locales/en/revisions").json().get("revisions").size());

        assertEquals(3, DatabaseRows.count("select count(*) from medical_review m join variant v on v.id = m.variant_id"
                + " where v.article_id = ? and m.reviewer = 'reviewer' and m.decision = 'APPROVED'", id));
        assertEquals(3, DatabaseRows.count("select count(*) from variant where article_id = ?"
                + " and live_signed_off_at is not null", id));
        assertNotNull(DatabaseRows.row("select signed_off_at from article where id = ?", id).get("signed_off_at"));
        boolean due = false;
        for (JsonNode item : Workflow.dueReReviews(admin)) {
            due |= item.get("articleId").asLong() == id && item.get("locale").asText().equals("en");
        }
        assertTrue(due, "the re-review of the imported article is listed");
    }

    @Test
    void aBadLineIsNamedAndNothingIsStored() {
        long before = DatabaseRows.count("select count(*) from article");
        long revisionsBefore = DatabaseRows.count("select count(*) from revision");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            lines.add(line(Fixtures.unique("batch-bad-" + i), "draft"));
        }
        lines.get(6).put("title", "");

        var reply = admin.post("/api/import/batch", NDJSON, ndjson(lines.toArray(Map[]::new)));

        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.body().contains("line 7: title"), reply::body);
        assertTrue(reply.json().get("detail").asText().startsWith("Line 7"), reply::body);
        assertEquals(before, DatabaseRows.count("select count(*) from article"));
        assertEquals(revisionsBefore, DatabaseRows.count("select count(*) from revision"));
    }

    @Test
    void aSlugUsedTwiceInTheBatchOrAlreadyStoredIsRefused() {
        String slug = Fixtures.unique("batch-twice");
        var twice = admin.post("/api/import/batch", NDJSON, ndjson(line(slug, "draft"), line(slug, "draft")));
        assertEquals(400, twice.status(), twice::toString);
        assertTrue(twice.body().contains("line 2: slug"), twice::body);
        assertEquals(0, DatabaseRows.count("select count(*) from variant where slug = ?", slug));

        assertEquals(201, admin.post("/api/import/batch", NDJSON, ndjson(line(slug, "draft"))).status());
        var again = admin.post("/api/import/batch", NDJSON, ndjson(line(Fixtures.unique("batch-ok"), "draft"),
                line(slug, "draft")));
        assertEquals(400, again.status(), again::toString);
        assertTrue(again.body().contains("line 2: slug"), again::body);
    }

    @Test
    void aPublishedLineNeedsAMedicalReviewerAndEnabledLocales() {
        var noReviewer = admin.post("/api/import/batch", NDJSON, ndjson(line(Fixtures.unique("batch-nr"), "published")));
        assertEquals(400, noReviewer.status(), noReviewer::toString);
        assertTrue(noReviewer.body().contains("line 1: reviewer"), noReviewer::body);

        var notReviewer = line(Fixtures.unique("batch-au"), "published");
        notReviewer.put("reviewer", "author");
        var refused = admin.post("/api/import/batch", NDJSON, ndjson(notReviewer));
        assertEquals(400, refused.status(), refused::toString);

        var klingon = line(Fixtures.unique("batch-tlh"), "draft");
        klingon.put("translations", List.of(translation("tlh", Fixtures.unique("batch-tlh"), "draft", false)));
        var unknownLocale = admin.post("/api/import/batch", NDJSON, ndjson(klingon));
        assertEquals(400, unknownLocale.status(), unknownLocale::toString);
        assertTrue(unknownLocale.body().contains("line 1: translations[0].locale"), unknownLocale::body);

        var previousMissing = line(Fixtures.unique("batch-prev"), "draft");
        previousMissing.put("translations", List.of(translation("es", Fixtures.unique("batch-prev"), "draft", true)));
        assertEquals(400, admin.post("/api/import/batch", NDJSON, ndjson(previousMissing)).status());
    }

    @Test
    void tooManyLinesAndTooManyBytesAre413() {
        String many = IntStream.range(0, 1001).mapToObj(i -> "{}").collect(Collectors.joining("\n"));
        var lines = admin.post("/api/import/batch", NDJSON, many);
        assertEquals(413, lines.status(), lines::toString);

        Map<String, String> headers = Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)), "Content-Type", NDJSON);
        byte[] piece = ("{\"body\":\"" + "a".repeat(65_526)).getBytes(StandardCharsets.UTF_8);
        var chunked = RawHttp.send("POST", "/api/import/batch", headers, piece, 17L << 20);
        assertEquals(413, chunked.status(), chunked::toString);
        var declared = new LinkedHashMap<>(headers);
        declared.put("Content-Length", Long.toString(17L << 20));
        var held = RawHttp.send("POST", "/api/import/batch", declared, "{".getBytes(StandardCharsets.UTF_8), 0);
        assertEquals(413, held.status(), held::toString);
    }

    @Test
    void onlyAdminsImportBatches() {
        String slug = Fixtures.unique("batch-author");
        for (String user : List.of("author", "editor", "reviewer", "translator")) {
            var refused = Api.as(user).post("/api/import/batch", NDJSON, ndjson(line(slug, "draft")));
            assertEquals(403, refused.status(), user + ": " + refused);
        }
        assertEquals(0, DatabaseRows.count("select count(*) from variant where slug = ?", slug));
    }

    @Test
    void noGarbageLineIsA500() {
        List<String> garbage = List.of("not json", "[1,2]", "null", "42", "\"text\"", "{\"title\": 5}", "{\"unknown\": 1}",
                "{\"sourceLocale\": \"en\"}", "{", "{\"sourceLocale\":\"en\",\"title\":\"T\",\"slug\":\"Bad Slug\",\"body\":\"b\"}",
                "{\"sourceLocale\":\"en\",\"title\":\"T\",\"slug\":\"s\",\"body\":\"b\",\"translations\":[null]}",
                "{\"sourceLocale\":\"en\",\"title\":\"T\",\"slug\":\"s\",\"body\":\"b\",\"translations\":[{}]}",
                "{\"sourceLocale\":\"en\",\"title\":\"T\",\"slug\":\"s\",\"body\":\"b\",\"state\":\"live\"}",
                "{\"sourceLocale\":\"en\",\"title\":\"T\",\"slug\":\"s\",\"body\":\"b\",\"topics\":[\"\"]}",
                "{\"sourceLocale\":\"en\",\"title\":\"T\",\"slug\":\"s\",\"body\":\"b\",\"previousBody\":\" \"}",
                "{\"sourceLocale\":\"en\",\"title\":\"T\",\"slug\":\"s\",\"body\":\"b\",\"translatesPrevious\":true}",
                "{\"sourceLocale\":\"en\",\"title\":\"T\",\"slug\":\"s\",\"body\":\"b\\u0000\"}");
        for (String bad : garbage) {
            var reply = admin.post("/api/import/batch", NDJSON, "\n" + bad + "\n");
            assertEquals(400, reply.status(), bad + " → " + reply);
            assertTrue(reply.body().contains("line 2") || reply.body().contains("Line 2"), bad + " → " + reply.body());
        }
        assertEquals(415, admin.post("/api/import/batch", "application/json", "{}").status());
    }

    static Map<String, Object> line(String slug, String state) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sourceLocale", "en");
        line.put("title", "Batch " + slug);
        line.put("slug", slug);
        line.put("summary", "A summary.");
        line.put("body", "Asthma narrows the airways. New advice.");
        line.put("topics", List.of("asthma"));
        line.put("references", List.of(Map.of("text", "Global Initiative for Asthma, 2025 report", "doi", "10.1234/gina.2025")));
        line.put("state", state);
        return line;
    }

    static Map<String, Object> translation(String locale, String slug, String state, boolean previous) {
        Map<String, Object> translation = new LinkedHashMap<>();
        translation.put("locale", locale);
        translation.put("title", "Batch " + locale + " " + slug);
        translation.put("slug", slug);
        translation.put("summary", "");
        translation.put("body", "Translated text in " + locale + ".");
        translation.put("state", state);
        translation.put("translatesPrevious", previous);
        return translation;
    }

    @SafeVarargs
    static String ndjson(Map<String, Object>... lines) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> line : lines) {
            try {
                text.append(Api.JSON.writeValueAsString(line)).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }

    /** Whether one of the English sitemap files lists this path. */
    private static boolean inSitemap(String path) {
        for (int n = 1; ; n++) {
            var file = Api.anonymous().get("/sitemaps/en-" + n + ".xml");
            if (file.status() != 200) {
                return false;
            }
            if (file.body().contains(path)) {
                return true;
            }
        }
    }
}
