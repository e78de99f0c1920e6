package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.Workflow.take;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Translations know which source revision they translate: current, outdated after the source
 * publishes something newer, and a safety-relevant change flagged (the suite runs the default
 * policy, a notice; the H2 suite runs the policy that takes translations off line).
 */
abstract class TranslationTests {

    final Api author = Api.as("author");
    final Api translator = Api.as("translator");
    final Api reviewer = Api.as("reviewer");
    final Api editor = Api.as("editor");

    @Test
    void aTranslationIsCurrentThenOutdatedBySafetyRelevantChangeThenCurrentAgain() {
        String slug = unique("translated");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        long id = Long.parseLong(article.substring(article.lastIndexOf('/') + 1));
        Workflow.publish(author, article + "/locales/en");
        assertEquals("missing", state(id, "es").get("status").asText());

        Map<String, Object> spanish = with(edit(unique("migrana"), "## Qué es la migraña\n\nUn dolor de cabeza.", "Traducción"),
                "title", "Vivir con migraña");
        assertEquals(201, translator.put(article + "/locales/es", spanish, null).status());
        assertEquals("in_progress", state(id, "es").get("status").asText());
        Workflow.publish(translator, article + "/locales/es");
        JsonNode current = state(id, "es");
        assertEquals("current", current.get("status").asText());
        assertEquals(1, current.get("translatedFrom").asInt());

        var safety = with(edit(slug, "Do not take it with grapefruit juice.", "Interaction"), "safetyRelevant", true);
        assertEquals(200, author.put(article + "/locales/en", safety, "\"r1\"").status());
        assertEquals("current", state(id, "es").get("status").asText(), "a draft of the source changes nothing yet");
        Workflow.publish(author, article + "/locales/en");

        JsonNode outdated = state(id, "es");
        assertEquals("outdated", outdated.get("status").asText());
        assertTrue(outdated.get("safetyRelevant").asBoolean());
        assertEquals(2, outdated.get("sourceLive").asInt());
        assertEquals(1, ArticleApiTests.locale(author.get(article).json(), "es").get("liveRevision").asInt(),
                "the notice policy keeps the translation on line");

        var changes = translator.get(article + "/locales/es/source-changes");
        assertEquals(200, changes.status(), changes::toString);
        assertEquals(1, changes.json().get("from").asInt());
        assertEquals(2, changes.json().get("to").asInt());
        JsonNode body = RevisionApiTests.field(changes.json(), "body");
        assertTrue(body.get("changed").asBoolean());
        assertTrue(body.toString().contains("grapefruit"), body::toString);
        assertFalse(RevisionApiTests.field(changes.json(), "title").get("changed").asBoolean());

        var updated = with(spanish, "body", "No lo tome con zumo de pomelo.");
        assertEquals(200, translator.put(article + "/locales/es", updated, "\"r1\"").status());
        Workflow.publish(translator, article + "/locales/es");
        JsonNode again = state(id, "es");
        assertEquals("current", again.get("status").asText());
        assertEquals(2, again.get("translatedFrom").asInt());
        assertFalse(again.get("safetyRelevant").asBoolean());
    }

    @Test
    void theListFiltersByStatusAndRefusesWhatItDoesNotKnow() {
        String article = RevisionApiTests.path(author.post("/api/articles", article(unique("listed"))));
        long id = Long.parseLong(article.substring(article.lastIndexOf('/') + 1));

        JsonNode missing = translator.get("/api/translations?locale=de&status=missing&limit=100").json().get("items");
        assertTrue(StreamSupport.stream(missing.spliterator(), false).anyMatch(s -> s.get("articleId").asLong() == id));
        JsonNode current = translator.get("/api/translations?locale=de&status=current&limit=100").json().get("items");
        assertTrue(StreamSupport.stream(current.spliterator(), false).noneMatch(s -> s.get("articleId").asLong() == id));
        assertEquals(400, translator.get("/api/translations").status());
        assertEquals(400, translator.get("/api/translations?locale=xx").status());
        assertEquals(400, translator.get("/api/translations?locale=es&status=lost").status());
        assertEquals(409, translator.get(article + "/locales/en/source-changes").status());
        assertEquals(404, translator.get(article + "/locales/es/source-changes").status());
    }

    @Test
    void localesComeWithDirectionAndFallbackChain() {
        JsonNode locales = author.get("/api/locales").json();
        JsonNode es = StreamSupport.stream(locales.spliterator(), false)
                .filter(l -> l.get("locale").asText().equals("es")).findFirst().orElseThrow();
        assertEquals("[\"es\",\"en\"]", es.get("fallback").toString());
        JsonNode ar = StreamSupport.stream(locales.spliterator(), false)
                .filter(l -> l.get("locale").asText().equals("ar")).findFirst().orElseThrow();
        assertEquals("rtl", ar.get("direction").asText());
        assertTrue(locales.get(0).get("isDefault").asBoolean());
    }


    private JsonNode state(long articleId, String locale) {
        String cursor = Long.toString(articleId + 1);
        var page = translator.get("/api/translations?locale=" + locale + "&limit=1&cursor=" + cursor);
        assertEquals(200, page.status(), page::toString);
        JsonNode item = page.json().get("items").get(0);
        assertEquals(articleId, item.get("articleId").asLong());
        return item;
    }
}
