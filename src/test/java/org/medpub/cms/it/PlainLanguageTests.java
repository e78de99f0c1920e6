package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plain language: editors keep a glossary per locale through the API, and the readability report
 * of an article's current revision (and of a text not saved yet) names its formula and figure, and
 * flags the glossary's terms and the long sentences. The target is a warning: nothing is refused.
 */
abstract class PlainLanguageTests {

    final Api editor = Api.as("editor");
    final Api admin = Api.as("admin");
    final Api author = Api.as("author");
    final Api reviewer = Api.as("reviewer");

    @Test
    void editorsKeepTheGlossaryAndOthersMayOnlyReadIt() {
        String term = "Myocardial infarction " + unique("x");
        String address = "/api/glossary/en/terms/" + path(term);

        var added = editor.put(address, Map.of("suggestion", "heart attack"), null);
        assertEquals(201, added.status(), added::toString);
        assertEquals(term, added.json().get("term").asText());
        var changed = admin.put("/api/glossary/en/terms/" + path(term.toUpperCase()), Map.of("suggestion", "heart attack (a blocked artery)"), null);
        assertEquals(200, changed.status(), "one term whatever its letter case: " + changed);
        assertEquals(1, DatabaseRows.count("select count(*) from glossary_term where locale = 'en' and term_key = ?", term.toLowerCase()));
        assertEquals("heart attack (a blocked artery)", DatabaseRows.text(
                "select suggestion from glossary_term where locale = 'en' and term_key = ?", term.toLowerCase()));

        var list = author.get("/api/glossary/en");
        assertEquals(200, list.status(), list::toString);
        assertTrue(list.json().get("terms").toString().contains(term.toUpperCase()), list::toString);

        expectProblem(403, "forbidden", author.put(address, Map.of("suggestion", "something"), null));
        expectProblem(403, "forbidden", reviewer.put(address, Map.of("suggestion", "something"), null));
        expectProblem(403, "forbidden", author.send(author.request(address).DELETE()));
        assertEquals(401, Api.anonymous().get("/api/glossary/en").status());
        assertEquals(401, Api.anonymous().put(address, Map.of("suggestion", "something"), null).status());
        assertEquals("heart attack (a blocked artery)", DatabaseRows.text(
                "select suggestion from glossary_term where locale = 'en' and term_key = ?", term.toLowerCase()));

        var removed = editor.send(editor.request(address).DELETE());
        assertEquals(204, removed.status(), removed::toString);
        assertEquals(0, DatabaseRows.count("select count(*) from glossary_term where term_key = ?", term.toLowerCase()));
        expectProblem(404, "not-found", editor.send(editor.request(address).DELETE()));
    }

    @Test
    void badInputIsAProblemAndNothingIsStored() {
        String term = unique("nephrolithiasis");
        long before = DatabaseRows.count("select count(*) from glossary_term");

        expectProblem(400, "invalid-input", editor.put("/api/glossary/en/terms/%20%20", Map.of("suggestion", "kidney stones"), null));
        expectProblem(400, "invalid-input", editor.put("/api/glossary/en/terms/" + term, Map.of("suggestion", " "), null));
        expectProblem(400, "invalid-input", editor.put("/api/glossary/en/terms/" + term, Map.of(), null));
        expectProblem(400, "invalid-input", editor.put("/api/glossary/en/terms/" + "x".repeat(101), Map.of("suggestion", "short"), null));
        expectProblem(400, "invalid-input", editor.put("/api/glossary/en/terms/" + term, Map.of("suggestion", "y".repeat(201)), null));
        expectProblem(404, "not-found", editor.put("/api/glossary/xx/terms/" + term, Map.of("suggestion", "kidney stones"), null));
        expectProblem(404, "not-found", editor.get("/api/glossary/xx"));
        expectProblem(400, "invalid-input", author.post("/api/readability", Map.of("locale", "xx", "body", "Text.")));
        expectProblem(400, "invalid-input", author.post("/api/readability", Map.of("body", "Text.")));

        assertEquals(before, DatabaseRows.count("select count(*) from glossary_term"));
    }

    @Test
    void theReportNamesTheFormulaAndFlagsGlossaryTermsAndLongSentences() {
        String term = "coronary " + unique("occlusion");
        assertEquals(201, editor.put("/api/glossary/en/terms/" + path(term), Map.of("suggestion", "blocked heart artery"), null).status());
        String longSentence = "If you feel a crushing pain in the middle of your chest that spreads to your arms, neck or jaw"
                + " and does not go away after a few minutes of rest, call an ambulance at once.";
        String body = "## When to call for help\n\nA " + term.toUpperCase() + " is serious. " + longSentence + "\n\nDo not drive yourself.";
        var created = author.post("/api/articles", with(article(unique("chest-pain")), "body", body));
        assertEquals(201, created.status(), created::toString);
        long id = created.json().get("id").asLong();

        var report = reviewer.get("/api/articles/" + id + "/locales/en/readability");
        assertEquals(200, report.status(), report::toString);
        JsonNode json = report.json();
        assertEquals("flesch-kincaid-grade", json.at("/formula/key").asText(), report::toString);
        assertEquals("Flesch-Kincaid grade", json.at("/formula/name").asText());
        assertEquals("grade", json.at("/formula/kind").asText());
        assertTrue(json.get("score").isNumber(), report::toString);
        assertEquals(8, json.get("target").asDouble());
        assertEquals(1, json.get("revision").asInt());
        assertEquals(4, json.get("sentences").asInt(), report::toString);
        assertEquals(1, json.get("longSentenceCount").asInt(), report::toString);
        assertEquals(longSentence, json.at("/longSentences/0/text").asText());
        assertEquals(term, json.at("/glossary/0/term").asText(), report::toString);
        assertEquals(term.toUpperCase(), json.at("/glossary/0/found").asText());
        assertEquals("blocked heart artery", json.at("/glossary/0/suggestion").asText());

        // the editor's live measure of a text not saved yet, in a language with another formula
        var spanish = author.post("/api/readability", Map.of("locale", "es", "body", "El perro come en la casa."));
        assertEquals(200, spanish.status(), spanish::toString);
        assertEquals("Fernández-Huerta", spanish.json().at("/formula/name").asText());
        assertEquals(99.8, spanish.json().get("score").asDouble(), 0.001);
        assertTrue(spanish.json().get("revision").isNull());
        var arabic = author.post("/api/readability", Map.of("locale", "ar", "body", "ذهب الولد إلى المدرسة. كان الجو جميلا."));
        assertEquals(200, arabic.status(), arabic::toString);
        assertTrue(arabic.json().get("formula").isNull(), arabic::toString);
        assertEquals(3.5, arabic.json().get("wordsPerSentence").asDouble());

        expectProblem(404, "not-found", reviewer.get("/api/articles/" + id + "/locales/de/readability"));
    }

    private static String path(String term) {
        return URLEncoder.encode(term, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void expectProblem(int status, String type, Api.Reply reply) {
        assertNotNull(reply, "an earlier answer was not the one expected");
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").orElseThrow().startsWith("application/problem+json"), reply::toString);
        assertTrue(reply.json().get("type").asText().endsWith("/" + type), reply::toString);
    }
}
