package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The translation story of the issue, end to end through the API and the reader site:
 * publish in English; export XLIFF for Spanish; fill it; import; review and publish Spanish;
 * publish a safety-relevant English revision; Spanish is outdated and the policy acts (the
 * suite runs the notice policy); the changes since are shown; translate again, the revision's
 * note to readers with it; current, and the Spanish change log tells the translated note. And an
 * image's alt text and caption go through the same file, and block the approval while missing.
 */
abstract class TranslationStoryTests {

    private static final String ALCOHOL = "Interaction with alcohol";
    private static final String ALCOHOL_ES = "Interacción con el alcohol";

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
        var change = with(with(with(edit(slug, safer, ALCOHOL), "safetyRelevant", true), "tellReaders", true), "body", safer);
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
        words.put(ALCOHOL, ALCOHOL_ES);
        var again = translator.get(article + "/locales/es/xliff");
        assertTrue(again.body().contains("<mda:meta type=\"sourceRevision\">2</mda:meta>"), again::body);
        Document offered = XliffTests.parse(again.body());
        assertEquals("change-2", XliffTests.unitIds(offered).get(XliffTests.unitIds(offered).size() - 1), again::body);
        assertEquals(ALCOHOL, XliffTests.source(XliffTests.unit(offered, "change-2")).getTextContent());
        assertEquals(200, translator.post("/api/xliff", "application/xliff+xml",
                XliffTests.translated(again.body(), words)).status());
        assertTrue(translator.get(article + "/locales/es").json().get("body").asText().contains("No lo combine nunca"));
        Workflow.publish(translator, article + "/locales/es");

        assertEquals("current", status(id));
        String updated = Api.anonymous().get("/es/articles/" + spanishSlug).body();
        assertTrue(updated.contains("No lo combine nunca con alcohol"), updated);
        assertFalse(updated.contains("class=\"notice\""), updated);
        assertTrue(updated.contains("<h2 id=\"changes\">Qué ha cambiado</h2>"), updated);
        assertTrue(updated.contains("<strong class=\"safety-update\">Actualización de seguridad</strong>"), updated);
        assertTrue(updated.contains("<span lang=\"es\" dir=\"ltr\">" + ALCOHOL_ES + "</span>"), updated);
        assertFalse(updated.contains(ALCOHOL), "the English note is not shown in Spanish: " + updated);
        var log = Api.anonymous().get("/es/articles/" + spanishSlug + "/changes");
        assertEquals(200, log.status(), log::toString);
        assertTrue(log.body().contains("<span lang=\"es\" dir=\"ltr\">" + ALCOHOL_ES + "</span>"), log::body);
        assertFalse(log.body().contains(ALCOHOL), log::body);
        assertTrue(Api.anonymous().get("/en/articles/" + slug + "/changes").body().contains(ALCOHOL),
                "the English log keeps the English note");
    }

    @Test
    void anImagesAltTextAndCaptionGoThroughXliffAndBlockTheApprovalWhileMissing() throws Exception {
        String alt = "Zigzag lines of a migraine aura";
        JsonNode image = MediaLibraryTests.upload(author, MediaLibraryTests.png(240, 160, new Random().nextInt()), "aura.png",
                "image/png", "en", alt).json();
        long item = image.get("id").asLong();
        String slug = unique("story-image");
        String body = XliffTests.BODY.replace("\n\n- Take", "\n\n![](media:" + item + ")\n\n- Take");
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String article = RevisionApiTests.path(author.post("/api/articles",
                with(with(article(slug), "body", body), "title", "Living with migraine " + marker)));
        long id = Long.parseLong(article.substring(article.lastIndexOf('/') + 1));
        Workflow.publish(author, article + "/locales/en");
        String es = article + "/locales/es";

        String exported = translator.get(es + "/xliff").body();
        Document xliff = XliffTests.parse(exported);
        assertEquals(List.of("title", "summary", "body-1", "body-2", "body-3", "body-4", "reference-1",
                "media-" + item + "-alt", "media-" + item + "-caption"), XliffTests.unitIds(xliff));
        assertEquals("cms:alt-text", XliffTests.unit(xliff, "media-" + item + "-alt").getAttribute("type"));
        assertEquals(alt, XliffTests.source(XliffTests.unit(xliff, "media-" + item + "-alt")).getTextContent());
        assertEquals(0, XliffTests.unit(xliff, "media-" + item + "-alt").getElementsByTagNameNS(XliffTests.XLIFF, "target")
                .getLength(), "no Spanish alt text yet");
        assertEquals(List.of("media-" + item + "-alt", "media-" + item + "-caption"), missingMediaTexts(id));
        var session = new AdminSession();
        session.signIn("translator", "demo");
        String dashboard = session.get("/admin/").body();
        assertTrue(dashboard.contains("Alt text of image " + item + " missing"), dashboard);

        Map<String, String> words = new HashMap<>(XliffTests.SPANISH);
        words.put("Living with migraine " + marker, "Vivir con migraña " + marker);
        words.put(alt, "");
        words.put("A caption", "");
        String elsewhere = XliffTests.translated(exported, words).replace("\"media-" + item + "-alt\"", "\"media-9" + item + "-alt\"");
        var refused = translator.post("/api/xliff", "application/xliff+xml", elsewhere);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.json().get("type").asText().endsWith("/invalid-xliff"), refused::toString);
        assertTrue(refused.body().contains("does not show image 9" + item), refused::toString);
        assertEquals(0, XliffTests.revisions(id, "es"), "nothing imported");

        var firstPass = translator.post("/api/xliff", "application/xliff+xml", XliffTests.translated(exported, words));
        assertEquals(200, firstPass.status(), firstPass::toString);
        assertEquals(200, Workflow.take(translator, es, Workflow.step("submit")).status());
        var blocked = Workflow.take(Api.as("reviewer"), es, Workflow.signOff("approve"));
        assertEquals(409, blocked.status(), blocked::toString);
        assertTrue(blocked.json().get("type").asText().endsWith("/alt-text-missing"), blocked::toString);
        assertTrue(blocked.json().get("detail").asText().contains("media:" + item + "@1"), blocked::toString);
        assertEquals(List.of("media-" + item + "-alt", "media-" + item + "-caption"), missingMediaTexts(id));
        String list = session.get("/admin/articles.xhtml?q=" + marker).body();
        assertTrue(list.contains("Caption of image " + item + " missing"), list);

        words.put(alt, "Líneas en zigzag de un aura de migraña");
        words.put("A caption", "El aura puede anunciar la crisis");
        var filled = translator.post("/api/xliff", "application/xliff+xml",
                XliffTests.translated(translator.get(es + "/xliff").body(), words));
        assertEquals(200, filled.status(), filled::toString);
        assertEquals(List.of(), missingMediaTexts(id));
        JsonNode spanishTexts = translator.get("/api/media/" + item + "/locales/es").json();
        assertEquals("Líneas en zigzag de un aura de migraña", spanishTexts.get("alt").asText());
        assertEquals("El aura puede anunciar la crisis", spanishTexts.get("caption").asText());
        assertEquals("Photo: Example Clinic", author.get("/api/media/" + item + "/locales/en").json().get("credit").asText(),
                "the source's texts stay");

        Workflow.publish(translator, es);
        assertEquals("current", status(id));
        String page = Api.anonymous().get("/es/articles/" + translator.get(es).json().get("slug").asText()).body();
        assertTrue(page.contains("<figure"), page);
        assertTrue(page.contains("alt=\"Líneas en zigzag de un aura de migraña\""), page);
        assertTrue(page.contains("El aura puede anunciar la crisis"), page);
    }

    private String status(long articleId) {
        return state(articleId).get("status").asText();
    }

    private List<String> missingMediaTexts(long articleId) {
        List<String> missing = new ArrayList<>();
        state(articleId).get("missingMediaTexts").forEach(text -> missing.add(text.asText()));
        return missing;
    }

    private JsonNode state(long articleId) {
        var page = translator.get("/api/translations?locale=es&limit=1&cursor=" + (articleId + 1));
        JsonNode item = page.json().get("items").get(0);
        assertEquals(articleId, item.get("articleId").asLong());
        return item;
    }
}
