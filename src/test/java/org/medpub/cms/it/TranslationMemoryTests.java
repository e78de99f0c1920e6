package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.RevisionApiTests.path;
import static org.medpub.cms.it.XliffTests.XLIFF;
import static org.medpub.cms.it.XliffTests.parse;
import static org.medpub.cms.it.XliffTests.unit;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The translation memory is an index in the database: a translation's units are in
 * {@code translation_memory} as soon as it is saved, an export suggests the most recently changed
 * translation's words, and translations that reached the database without the index (as those
 * saved before it existed) are indexed from a backlog, their exports unchanged meanwhile.
 */
abstract class TranslationMemoryTests {

    final Api author = Api.as("author");
    final Api translator = Api.as("translator");

    @Test
    void aSavedTranslationIsSuggestedAndANewerOneWins() throws Exception {
        String paragraph = "Rest in a dark room when " + unique("memoryindex") + " starts.";
        String exported = article(paragraph);
        assertEquals("", suggestion(exported), "nothing translated this paragraph yet");

        String first = article(paragraph);
        translate(first, "Descanse en una habitación oscura (primera).");
        assertEquals("Descanse en una habitación oscura (primera).", suggestion(exported));
        long variant = variant(first);
        assertEquals(1, DatabaseRows.count("select count(*) from translation_memory where variant_id = ?"
                + " and source_locale = 'en' and target_locale = 'es' and target like '%(primera)%'", variant));
        assertEquals(4, DatabaseRows.count("select count(*) from translation_memory where variant_id = ?", variant),
                "the title, the summary, the paragraph and the citation");

        String second = article(paragraph);
        translate(second, "Descanse en una habitación oscura (segunda).");
        assertEquals("Descanse en una habitación oscura (segunda).", suggestion(exported), "the newer translation");

        assertEquals(200, translator.put(first + "/locales/es", spanish("Descanse en una habitación oscura (revisada)."),
                "\"r1\"").status());
        assertEquals("Descanse en una habitación oscura (revisada).", suggestion(exported), "changed last");
        assertEquals(0, DatabaseRows.count("select count(*) from translation_memory where variant_id = ?"
                + " and target like '%(primera)%'", variant), "the first revision's words are forgotten");
    }

    @Test
    void translationsThatBypassedTheIndexAreSuggestedAndIndexedFromTheBacklog() throws Exception {
        String paragraph = "Drink water when " + unique("memorybacklog") + " starts.";
        String exported = article(paragraph);
        String translated = article(paragraph);
        translate(translated, "Beba agua.");
        long variant = variant(translated);
        // as a translation saved before the index existed: in the backlog, not in the index
        DatabaseRows.update("delete from translation_memory where variant_id = ?", variant);
        DatabaseRows.update("insert into translation_memory_backlog (variant_id) values (?)", variant);

        assertEquals("Beba agua.", suggestion(exported), "a translation waiting in the backlog is indexed for the export first");

        long deadline = System.currentTimeMillis() + 30_000;
        while (DatabaseRows.count("select count(*) from translation_memory_backlog where variant_id = ?", variant) > 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, DatabaseRows.count("select count(*) from translation_memory_backlog where variant_id = ?", variant));
        assertEquals(4, DatabaseRows.count("select count(*) from translation_memory where variant_id = ?", variant));
        assertEquals("Beba agua.", suggestion(exported), "from the index now");
    }

    /** A new English article whose body is the paragraph; answers its path. */
    private String article(String paragraph) {
        var created = author.post("/api/articles", with(Fixtures.article(unique("memory")), "body", paragraph));
        assertEquals(201, created.status(), created::toString);
        return path(created);
    }

    private void translate(String article, String paragraph) {
        var saved = translator.put(article + "/locales/es", spanish(paragraph), null);
        assertEquals(201, saved.status(), saved::toString);
    }

    private static Map<String, Object> spanish(String paragraph) {
        return with(with(edit(unique("memoria"), paragraph, "Traducción"), "title", "Vivir con migraña"),
                "summary", "Qué es una migraña y cómo espaciar las crisis.");
    }

    /** The memory's suggestion for the exported article's paragraph, empty when there is none. */
    private String suggestion(String article) throws Exception {
        var export = translator.get(article + "/locales/es/xliff");
        assertEquals(200, export.status(), export::toString);
        Element paragraph = unit(parse(export.body()), "body-1");
        var targets = paragraph.getElementsByTagNameNS(XLIFF, "target");
        if (targets.getLength() == 0) {
            return "";
        }
        assertEquals("translation memory", paragraph.getElementsByTagNameNS(XLIFF, "note").item(0).getTextContent());
        return targets.item(0).getTextContent();
    }

    private static long variant(String article) {
        long id = Long.parseLong(article.substring(article.lastIndexOf('/') + 1));
        return DatabaseRows.count("select id from variant where article_id = ? and locale = 'es'", id);
    }
}
