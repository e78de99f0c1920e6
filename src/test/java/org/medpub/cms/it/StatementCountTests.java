package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;

import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a page or list costs in SQL statements, read from the {@code Server-Timing} header that the
 * suite's server sends ({@code cms.diagnostics.query-count}): bounded, and the same for a longer
 * page or more rows, so that no list does a query per row.
 */
abstract class StatementCountTests {

    final Api author = Api.as("author");
    final Api translator = Api.as("translator");

    @Test
    void theArticleListCostsTheSameForFiveAndForTwentyArticles() {
        publishedWithOutdatedSpanish(20);
        int five = statements(author.get("/api/articles?limit=5"));
        int twenty = statements(author.get("/api/articles?limit=20"));
        assertEquals(five, twenty, "a page of 20 costs what a page of 5 does");
        assertTrue(twenty <= 6, "statements for a page of articles: " + twenty);
    }

    @Test
    void theTranslationStatusListCostsTheSameForFiveAndForTwenty() {
        publishedWithOutdatedSpanish(20);
        int five = statements(author.get("/api/translations?locale=es&limit=5"));
        int twenty = statements(author.get("/api/translations?locale=es&limit=20"));
        int outdated = statements(author.get("/api/translations?locale=es&status=outdated&limit=20"));
        assertEquals(five, twenty, "a page of 20 costs what a page of 5 does");
        assertTrue(twenty <= 6, "statements for a page of translation states: " + twenty);
        assertTrue(outdated <= 6, "statements for the outdated translations: " + outdated);
    }

    @Test
    void dueReReviewsCostTheSameWithMoreOfThem() {
        int before = statements(author.get("/api/reviews/due"));
        publishedWithOutdatedSpanish(5);
        int after = statements(author.get("/api/reviews/due"));
        assertEquals(before, after, "five more due re-reviews cost no statement more");
        assertTrue(after <= 4, "statements for the re-reviews due: " + after);
    }

    @Test
    void theLocaleIndexAndAnArticlePageAreAFewStatements() {
        String slug = publishedWithOutdatedSpanish(1);
        int index = uncached(() -> statements(Api.anonymous().get("/en/")));
        // the Arabic index lists them through the fallback chain, in English
        int fallbackIndex = uncached(() -> statements(Api.anonymous().get("/ar/")));
        int page = uncached(() -> statements(Api.anonymous().get("/en/articles/" + slug)));
        publishedWithOutdatedSpanish(5);
        int indexAfter = uncached(() -> statements(Api.anonymous().get("/en/")));
        int fallbackIndexAfter = uncached(() -> statements(Api.anonymous().get("/ar/")));
        assertTrue(indexAfter <= index, "five more articles cost the index no statement more: " + index + " then " + indexAfter);
        assertTrue(fallbackIndexAfter <= fallbackIndex, "nor the Arabic index listing them in English: " + fallbackIndex
                + " then " + fallbackIndexAfter);
        assertTrue(fallbackIndex <= 12, "statements for a locale index with fallback articles: " + fallbackIndex);
        assertTrue(index <= 12, "statements for the locale index (the suite shows 4 articles a page): " + index);
        assertTrue(page <= 12, "statements for an article page: " + page);
    }

    @ParameterizedTest
    @ValueSource(strings = {"editor", "admin"})
    void theDashboardCostsTheSameWithMoreArticles(String user) {
        var session = new AdminSession();
        session.signIn(user, "demo");
        // one outdated translation first, so that the lists compared are not empty (an empty one spares a statement)
        publishedWithOutdatedSpanish(1);
        int before = settled(() -> statements(session.get("/admin/")));
        publishedWithOutdatedSpanish(5);
        int after = settled(() -> statements(session.get("/admin/")));
        assertTrue(after <= before, "five more articles cost the dashboard no statement more: " + before + " then " + after);
        assertTrue(after <= 40, "statements for the dashboard: " + after);
    }

    /** The statements of a page as the server rendered it, not as its cache kept it. */
    private static int uncached(IntSupplier request) {
        int first = request.getAsInt();
        return first > 0 ? first : request.getAsInt();
    }

    /**
     * The statements of a page asked for a second time: rows read by their ids come from the shared
     * cache then, as they mostly do in service, whatever the suite's earlier tests left in it; a
     * query per row would still count.
     */
    private static int settled(IntSupplier request) {
        request.getAsInt();
        return request.getAsInt();
    }

    private static int statements(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return statements(reply.header("Server-Timing").orElseThrow(() -> new AssertionError("no Server-Timing")));
    }

    private static int statements(java.net.http.HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page::body);
        return statements(page.headers().firstValue("Server-Timing").orElseThrow(() -> new AssertionError("no Server-Timing")));
    }

    private static int statements(String serverTiming) {
        assertTrue(serverTiming.startsWith("db;desc=\"queries\";dur="), serverTiming);
        return Integer.parseInt(serverTiming.substring(serverTiming.lastIndexOf('=') + 1));
    }

    /** Articles published in English, each with a Spanish translation of its first revision that a second one outdated. */
    private String publishedWithOutdatedSpanish(int count) {
        String slug = null;
        for (int i = 0; i < count; i++) {
            slug = unique("counted");
            var created = author.post("/api/articles", article(slug));
            assertEquals(201, created.status(), created::toString);
            String article = RevisionApiTests.path(created);
            Workflow.publish(author, article + "/locales/en");
            assertEquals(201, translator.put(article + "/locales/es", with(edit(unique("contado"), "## Qué es\n\nTexto.",
                    "Traducción"), "title", "Contado " + i), null).status());
            Workflow.publish(translator, article + "/locales/es");
            var edited = author.put(article + "/locales/en", edit(slug, "## What it is\n\nNew text " + i + ".", "Update"), "\"r1\"");
            assertEquals(200, edited.status(), edited::toString);
            Workflow.publish(author, article + "/locales/en");
        }
        return slug;
    }
}
