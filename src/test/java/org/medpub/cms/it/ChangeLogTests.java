package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * "What changed": a change note the author marks {@code tellReaders} becomes a dated entry of the
 * page's public change log once its revision is published, in each locale (a translation's through
 * XLIFF), on the article page and on its {@code /changes} page; on PostgreSQL, as readers see it.
 */
abstract class ChangeLogTests {

    private static final String DOSING = "Dosing advice for children corrected";
    private static final String DOSING_ES = "Se corrigió la dosis para niños";

    final Api author = Api.as("author");
    final Api translator = Api.as("translator");
    final Api reader = Api.anonymous();

    @Test
    void aNoteToReadersAppearsDatedOnThePageAndItsChangeLogOncePublishedNotBefore() {
        String slug = unique("changes");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        String en = article + "/locales/en";
        Workflow.publish(author, en);

        var saved = author.put(en, told(slug, DOSING), "\"r1\"");
        assertEquals(200, saved.status(), saved::toString);
        assertTrue(saved.json().get("tellReaders").asBoolean(), saved::toString);

        String before = page("/en/articles/" + slug);
        assertFalse(before.contains(DOSING), "a draft's note is not shown: " + before);
        assertFalse(before.contains("What changed"), before);
        String emptyLog = page("/en/articles/" + slug + "/changes");
        assertTrue(emptyLog.contains("No changes have been announced on this page yet."), emptyLog);
        assertFalse(emptyLog.contains(DOSING), emptyLog);

        Workflow.publish(author, en);

        Instant publishedAt = publishedAt(XliffTests.articleId(article), "en");
        String html = page("/en/articles/" + slug);
        assertTrue(html.contains("<h2 id=\"changes\">What changed</h2>"), html);
        assertTrue(html.contains(entry(publishedAt, "Updated on {date, date, long}", ULocale.ENGLISH, DOSING, "en")), html);
        assertTrue(html.contains("<a href=\"/en/articles/" + slug + "/changes\">All changes to this page</a>"), html);
        assertFalse(html.contains("class=\"safety-update\""), "not a safety update: " + html);
        JsonNode data = SchemaOrg.jsonLd(html);
        assertEquals(publishedAt.truncatedTo(ChronoUnit.SECONDS),
                Instant.parse(data.get("dateModified").asText()).truncatedTo(ChronoUnit.SECONDS),
                "dateModified is the publication that dated the entry");

        String log = page("/en/articles/" + slug + "/changes");
        assertTrue(log.contains(entry(publishedAt, "Updated on {date, date, long}", ULocale.ENGLISH, DOSING, "en")), log);
        assertTrue(log.contains("<a href=\"/en/articles/" + slug + "\">Back to the article</a>"), log);
        assertEquals(1, DatabaseRows.count("select count(*) from change_log_entry e join variant v on v.id = e.variant_id"
                + " where v.article_id = ? and v.locale = 'en' and e.published_at = v.published_at",
                XliffTests.articleId(article)), "the entry is dated with the publication, as the sitemaps' lastmod");
    }

    @Test
    void aNoteNotMarkedForReadersNeverAppearsAndEveryToldNoteSincePublicationDoesOnce() {
        String slug = unique("changes-quiet");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        String en = article + "/locales/en";
        Workflow.publish(author, en);
        assertEquals(200, author.put(en, edit(slug, "## Quiet\n\nSpelling corrected.", "Typo fixed"), "\"r1\"").status());
        assertEquals(200, author.put(en, told(slug, "Advice on triptans added"), "\"r2\"").status());
        assertEquals(200, author.put(en, with(told(slug, "Warning about overuse headache added"), "body",
                "## Overuse\n\nTaking painkillers too often can cause headaches."), "\"r3\"").status());

        Workflow.publish(author, en);
        // published again with a revision that tells nothing new: no entry twice
        assertEquals(200, author.put(en, edit(slug, "## Quiet\n\nSpelling corrected again.", "Another typo"), "\"r4\"").status());
        Workflow.publish(author, en);

        String log = page("/en/articles/" + slug + "/changes");
        assertFalse(log.contains("Typo fixed"), log);
        assertEquals(1, occurrences(log, "Advice on triptans added"), log);
        assertEquals(1, occurrences(log, "Warning about overuse headache added"), log);
        assertTrue(log.indexOf("Warning about overuse") < log.indexOf("Advice on triptans"), "newest first: " + log);
        assertFalse(page("/en/articles/" + slug).contains("Typo fixed"));
    }

    @Test
    void aSafetyRelevantNoteIsMarkedAsASafetyUpdate() {
        String slug = unique("changes-safety");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        String en = article + "/locales/en";
        Workflow.publish(author, en);
        assertEquals(200, author.put(en, with(told(slug, DOSING), "safetyRelevant", true), "\"r1\"").status());
        Workflow.publish(author, en);

        String html = page("/en/articles/" + slug);
        assertTrue(html.contains("<li><strong class=\"safety-update\">Safety update</strong> <time"), html);
        assertTrue(page("/en/articles/" + slug + "/changes").contains("<strong class=\"safety-update\">Safety update</strong>"));
    }

    @Test
    void aTranslationShowsTheNotesItsXliffFileTranslatedDatedInItsLanguage() throws Exception {
        String slug = unique("changes-en");
        String article = RevisionApiTests.path(author.post("/api/articles", with(article(slug), "body", XliffTests.BODY)));
        String en = article + "/locales/en";
        Workflow.publish(author, en);
        assertEquals(200, author.put(en, with(with(told(slug, DOSING), "body", XliffTests.BODY), "safetyRelevant", true),
                "\"r1\"").status());
        Workflow.publish(author, en);

        Document exported = XliffTests.parse(translator.get(en.replace("/locales/en", "/locales/es/xliff")).body());
        assertTrue(XliffTests.unitIds(exported).contains("change-2"), XliffTests.unitIds(exported)::toString);
        assertEquals(DOSING, XliffTests.source(XliffTests.unit(exported, "change-2")).getTextContent());
        Map<String, String> words = new HashMap<>(XliffTests.SPANISH);
        words.put(DOSING, DOSING_ES);
        String file = XliffTests.translated(translator.get(article + "/locales/es/xliff").body(), words);
        var imported = translator.post("/api/xliff", "application/xliff+xml", file);
        assertEquals(200, imported.status(), imported::toString);
        String es = article + "/locales/es";
        String spanishSlug = translator.get(es).json().get("slug").asText();
        assertEquals(404, reader.get("/es/articles/" + spanishSlug + "/changes").status(),
                "not before the translation is published");
        assertTrue(XliffTests.target(XliffTests.unit(XliffTests.parse(translator.get(es + "/xliff").body()), "change-2"))
                .getTextContent().equals(DOSING_ES), "the next export offers the note as translated");

        Workflow.publish(translator, es);

        long id = XliffTests.articleId(article);
        Instant spanishAt = publishedAt(id, "es");
        String spanish = page("/es/articles/" + spanishSlug);
        assertTrue(spanish.contains("<h2 id=\"changes\">Qué ha cambiado</h2>"), spanish);
        assertTrue(spanish.contains("<strong class=\"safety-update\">Actualización de seguridad</strong> "
                + entry(spanishAt, "Actualizado el {date, date, long}", new ULocale("es"), DOSING_ES, "es")), spanish);
        assertFalse(spanish.contains(DOSING), "the English note is not shown in Spanish: " + spanish);
        String spanishLog = page("/es/articles/" + spanishSlug + "/changes");
        assertTrue(spanishLog.contains(DOSING_ES), spanishLog);
        assertTrue(spanishLog.contains("Volver al artículo"), spanishLog);
        String english = page("/en/articles/" + slug + "/changes");
        assertTrue(english.contains(entry(publishedAt(id, "en"), "Updated on {date, date, long}", ULocale.ENGLISH, DOSING, "en")),
                english);
        assertFalse(english.contains(DOSING_ES), english);
    }

    @Test
    void tellingReadersWithoutANoteIsRefusedNamingTheFieldAndNothingIsSaved() {
        String slug = unique("changes-refused");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        String en = article + "/locales/en";
        Map<String, Object> noNote = with(told(slug, null), "changeNote", null);

        var refused = author.put(en, noNote, "\"r1\"");

        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(ValidationTests.fields(refused.json()).contains("tellReaders"), refused::toString);
        assertEquals(400, author.put(en, with(noNote, "changeNote", "   "), "\"r1\"").status(), "a blank note is none");
        assertEquals(1, DatabaseRows.count("select count(*) from revision r join variant v on v.id = r.variant_id"
                + " where v.article_id = ?", XliffTests.articleId(article)), "nothing saved");
        assertEquals(1, author.get(en).json().get("number").asInt());
    }

    @Test
    void theChangeLogOfAnUnpublishedArticleIsTheNotFoundPage() {
        String slug = unique("changes-draft");
        String article = RevisionApiTests.path(author.post("/api/articles", article(slug)));
        assertEquals(200, author.put(article + "/locales/en", told(slug, DOSING), "\"r1\"").status());

        var log = reader.get("/en/articles/" + slug + "/changes");
        var unknown = reader.get("/en/articles/" + unique("never") + "/changes");

        assertEquals(404, log.status(), log::toString);
        assertEquals(404, unknown.status());
        assertEquals(unknown.body(), log.body(), "the same page as for a slug that never existed");
        assertFalse(log.body().contains(DOSING));
    }

    @Test
    void theEditorTellsReadersWithACheckboxBesideTheChangeNote() {
        String slug = unique("changes-editor");
        long id = XliffTests.articleId(RevisionApiTests.path(author.post("/api/articles", article(slug))));
        var session = new AdminSession();
        session.signIn("author", "demo");
        String form = session.get("/admin/edit.xhtml?article=" + id + "&locale=en").body();
        assertTrue(form.contains("id=\"editor:tellReaders\""), form);
        assertTrue(form.contains("Tell readers"), form);

        session.submit("editor", Map.of("editor:changeNote", DOSING, "editor:tellReaders", "on"), "editor:save");

        assertEquals(1, DatabaseRows.count("select count(*) from revision r join variant v on v.id = r.variant_id"
                + " where v.article_id = ? and r.revision_no = 2 and r.tell_readers and r.change_note = ?", id, DOSING),
                session.last.body());
    }

    private static Map<String, Object> told(String slug, String note) {
        Map<String, Object> edit = edit(slug, "## What a migraine is\n\nChildren take half the adult dose.", note);
        edit.put("tellReaders", true);
        return edit;
    }

    private String page(String path) {
        var page = reader.get(path);
        assertEquals(200, page.status(), () -> path + ": " + page);
        return page.body();
    }

    /** An entry as the page writes it: the date in the reader's language, the note in its own. */
    private static String entry(Instant at, String pattern, ULocale locale, String note, String noteLocale) {
        String date = new MessageFormat(pattern, locale).format(Map.of("date", Date.from(at)));
        return "<time datetime=\"" + at.atOffset(ZoneOffset.UTC).toLocalDate() + "\">" + date + "</time>: <span lang=\""
                + noteLocale + "\" dir=\"ltr\">" + note + "</span>";
    }

    private static Instant publishedAt(long articleId, String locale) {
        return Instant.ofEpochMilli(DatabaseRows.count("select cast(extract(epoch from published_at) * 1000 as bigint)"
                + " from variant where article_id = ? and locale = ?", articleId, locale));
    }

    private static int occurrences(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
