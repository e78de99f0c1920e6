package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The translation story of the issue, end to end through the API and the reader site:
 * publish in English; export XLIFF for Spanish; fill it; import; review and publish Spanish;
 * publish a safety-relevant English revision; Spanish is outdated and the policy acts (the
 * suite runs the notice policy); the changes since are shown; translate again; current.
 */
abstract class TranslationStoryTests {

    final Api author = Api.as("author");
    final Api translator = Api.as("translator");

    @Test
    void fromPublishedSourceThroughXliffToACurrentTranslation() throws Exception {
        String slug = unique("story-en");
        String article = RevisionApiTests.path(author.post("/api/articles", with(article(slug), "body", XliffTests.BODY)));
        long id = Long.parseLong(article.substring(article.lastIndexOf('/') + 1));
        Workflow.publish(author, article + "/locales/en");

        var export = translator.get(article + "/locales/es/xliff");
        assertEquals(200, export.status(), export::toString);
        assertTrue(export.header("Content-Type").orElseThrow().startsWith("application/xliff+xml"));
        var imported = translator.post("/api/xliff", "application/xliff+xml", XliffTests.translated(export.body()));
        assertEquals(200, imported.status(), imported::toString);
        assertEquals(1, imported.json().get("revision").asInt());
        JsonNode spanish = translator.get(article + "/locales/es").json();
        assertEquals("Vivir con migraña", spanish.get("title").asText());
        assertEquals(1, spanish.get("sourceRevision").asInt());
        assertTrue(spanish.get("body").asText().startsWith("## Qué es una migraña"), spanish::toString);

        Workflow.publish(translator, article + "/locales/es");
        String spanishSlug = spanish.get("slug").asText();
        assertEquals(200, Api.anonymous().get("/es/articles/" + spanishSlug).status());
        assertEquals("current", status(id));

        String safer = XliffTests.BODY + "\n- Never combine it with alcohol";
        var change = with(with(edit(slug, safer, "Interaction with alcohol"), "safetyRelevant", true), "body", safer);
        assertEquals(200, author.put(article + "/locales/en", change, "\"r1\"").status());
        Workflow.publish(author, article + "/locales/en");

        assertEquals("outdated", status(id));
        String page = Api.anonymous().get("/es/articles/" + spanishSlug).body();
        assertTrue(page.contains("con información relevante para la seguridad"), page);
        JsonNode since = translator.get(article + "/locales/es/source-changes").json();
        assertEquals(1, since.get("from").asInt());
        assertEquals(2, since.get("to").asInt());
        assertTrue(RevisionApiTests.field(since, "body").toString().contains("Never combine it with alcohol"));

        Map<String, String> words = new HashMap<>(XliffTests.SPANISH);
        words.put("Never combine it with alcohol", "No lo combine nunca con alcohol");
        var again = translator.get(article + "/locales/es/xliff");
        assertTrue(again.body().contains("<mda:meta type=\"sourceRevision\">2</mda:meta>"), again::body);
        assertEquals(200, translator.post("/api/xliff", "application/xliff+xml",
                XliffTests.translated(again.body(), words)).status());
        assertTrue(translator.get(article + "/locales/es").json().get("body").asText().contains("No lo combine nunca"));
        Workflow.publish(translator, article + "/locales/es");

        assertEquals("current", status(id));
        String updated = Api.anonymous().get("/es/articles/" + spanishSlug).body();
        assertTrue(updated.contains("No lo combine nunca con alcohol"), updated);
        assertFalse(updated.contains("class=\"notice\""), updated);
    }

    private String status(long articleId) {
        var page = translator.get("/api/translations?locale=es&limit=1&cursor=" + (articleId + 1));
        JsonNode item = page.json().get("items").get(0);
        assertEquals(articleId, item.get("articleId").asLong());
        return item.get("status").asText();
    }
}
