package org.medpub.cms.it;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.RevisionApiTests.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Translators work in XLIFF 2.1: they export an article for their locale, translate it in their
 * own tool and import the file, which becomes a new draft revision in their locale, or is
 * refused whole, line by line, with nothing changed.
 */
abstract class XliffTests {

    static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";
    static final String METADATA = "urn:oasis:names:tc:xliff:metadata:2.0";

    static final String BODY = """
            ## What a migraine is

            A migraine is a **moderate or severe** headache, often with *nausea*.

            - Take `ibuprofen` early
            - Read the [guideline](https://example.org/migraine) first""";

    static final String SPANISH_BODY = """
            ## Qué es una migraña

            Una migraña es un dolor de cabeza **moderado o intenso**, a menudo con *náuseas*.

            - Tome `ibuprofen` pronto
            - Lea primero la [guía](https://example.org/migraine)""";

    /** What the translator's tool puts in place of each piece of source text. */
    static final Map<String, String> SPANISH = Map.ofEntries(
            entry("Living with migraine", "Vivir con migraña"),
            entry("What a migraine is and how attacks can be made rarer.", "Qué es una migraña y cómo espaciar las crisis."),
            entry("What a migraine is", "Qué es una migraña"),
            entry("A migraine is a ", "Una migraña es un dolor de cabeza "),
            entry("moderate or severe", "moderado o intenso"),
            entry(" headache, often with ", ", a menudo con "),
            entry("nausea", "náuseas"),
            entry(".", "."),
            entry("Take ", "Tome "),
            entry(" early", " pronto"),
            entry("Read the ", "Lea primero la "),
            entry("guideline", "guía"),
            entry(" first", ""),
            entry("Example headache society. Migraine guideline, 2024.", "Sociedad de cefalea de ejemplo. Guía de la migraña, 2024."));

    final Api author = Api.as("author");
    final Api translator = Api.as("translator");

    @Test
    void theExportIsXliff21WithAUnitPerBlockAndTheFormattingAsInlineCodes() throws Exception {
        String path = path(author.post("/api/articles", with(article(unique("xliff-export")), "body", BODY)));
        long id = articleId(path);

        var export = translator.get(path + "/locales/es/xliff");

        assertEquals(200, export.status(), export::toString);
        assertEquals("application/xliff+xml;charset=utf-8",
                export.header("Content-Type").orElseThrow().toLowerCase().replace(" ", ""));
        assertTrue(export.header("Content-Disposition").orElseThrow().contains("article-" + id + "-en-es.xlf"));
        Document xliff = parse(export.body());
        Element root = xliff.getDocumentElement();
        assertEquals(XLIFF, root.getNamespaceURI());
        assertEquals("2.1", root.getAttribute("version"));
        assertEquals("en", root.getAttribute("srcLang"));
        assertEquals("es", root.getAttribute("trgLang"));
        assertEquals("article-" + id, ((Element) root.getElementsByTagNameNS(XLIFF, "file").item(0)).getAttribute("id"));
        assertEquals("1", meta(xliff, "sourceRevision"));
        assertEquals(List.of("title", "summary", "body-1", "body-2", "body-3", "body-4", "reference-1"), unitIds(xliff));
        Element paragraph = unit(xliff, "body-2");
        assertEquals("A migraine is a moderate or severe headache, often with nausea.", source(paragraph).getTextContent());
        Element bold = (Element) source(paragraph).getElementsByTagNameNS(XLIFF, "pc").item(0);
        assertEquals("xlf:b", bold.getAttribute("subType"));
        assertEquals("**", data(paragraph, bold.getAttribute("dataRefStart")));
        Element link = (Element) source(unit(xliff, "body-4")).getElementsByTagNameNS(XLIFF, "pc").item(0);
        assertEquals("link", link.getAttribute("type"));
        assertEquals("](https://example.org/migraine)", data(unit(xliff, "body-4"), link.getAttribute("dataRefEnd")));
        assertEquals(1, source(unit(xliff, "body-3")).getElementsByTagNameNS(XLIFF, "ph").getLength(), "the code span");
        NodeList segments = xliff.getElementsByTagNameNS(XLIFF, "segment");
        for (int i = 0; i < segments.getLength(); i++) {
            Element segment = (Element) segments.item(i);
            if (segment.getElementsByTagNameNS(XLIFF, "target").getLength() > 0) {
                assertEquals("initial", segment.getAttribute("state"), "only the memory of other articles can suggest");
                assertEquals("translation memory", ((Element) segment.getParentNode())
                        .getElementsByTagNameNS(XLIFF, "note").item(0).getTextContent());
            }
        }
    }

    @Test
    void aTranslatedFileBecomesANewDraftInTheTranslatorsLocale() throws Exception {
        String path = path(author.post("/api/articles", with(article(unique("xliff-import")), "body", BODY)));
        String file = translated(translator.get(path + "/locales/es/xliff").body());

        var imported = translator.post("/api/xliff", "application/xliff+xml", file);

        assertEquals(200, imported.status(), imported::toString);
        assertEquals(articleId(path), imported.json().get("articleId").asLong());
        assertEquals("es", imported.json().get("locale").asText());
        assertEquals(1, imported.json().get("revision").asInt());
        assertEquals(1, imported.json().get("sourceRevision").asInt());
        assertEquals(7, imported.json().get("units").asInt());
        JsonNode spanish = translator.get(path + "/locales/es").json();
        assertEquals("Vivir con migraña", spanish.get("title").asText());
        assertEquals(SPANISH_BODY, spanish.get("body").asText());
        assertEquals("Qué es una migraña y cómo espaciar las crisis.", spanish.get("summary").asText());
        assertEquals(1, spanish.get("sourceRevision").asInt());
        assertEquals("translator", spanish.get("author").asText());
        assertEquals("Imported from XLIFF", spanish.get("changeNote").asText());
        assertEquals("draft", spanish.get("state").asText());
        assertTrue(spanish.get("slug").asText().startsWith("vivir-con-migrana"), spanish::toString);
        assertEquals("Sociedad de cefalea de ejemplo. Guía de la migraña, 2024.",
                spanish.get("references").get(0).get("text").asText());
        assertEquals("https://example.org/migraine", spanish.get("references").get(0).get("url").asText());

        Document again = parse(translator.get(path + "/locales/es/xliff").body());
        Element title = unit(again, "title");
        assertEquals("translated", ((Element) title.getElementsByTagNameNS(XLIFF, "segment").item(0)).getAttribute("state"));
        assertEquals("Vivir con migraña", target(title).getTextContent());
        assertEquals("Una migraña es un dolor de cabeza moderado o intenso, a menudo con náuseas.",
                target(unit(again, "body-2")).getTextContent());

        var second = translator.post("/api/xliff", "application/xml", file);
        assertEquals(200, second.status(), second::toString);
        assertEquals(2, second.json().get("revision").asInt(), "a second import is a second revision");
    }

    @Test
    void aFileWithAnythingWrongIsRefusedWithTheLineAndReasonAndNothingChanges() throws Exception {
        String slug = unique("xliff-refused");
        String path = path(author.post("/api/articles", with(article(slug), "body", BODY)));
        long id = articleId(path);
        String file = translated(translator.get(path + "/locales/es/xliff").body());
        assertEquals(200, translator.post("/api/xliff", "application/xliff+xml", file).status());

        String malformed = file.replaceFirst("</target>", "</targe>");
        refused(malformed, lineOf(malformed, "</targe>"), "cannot be read as XML", id);
        String unknownUnit = file.replace("<unit id=\"body-2\"", "<unit id=\"body-99\"");
        refused(unknownUnit, lineOf(unknownUnit, "body-99"), "Unit body-99 is not in revision 1", id);
        String alteredSource = file.replace("<source>A migraine is a ", "<source>A headache is a ");
        refused(alteredSource, lineOf(alteredSource, "A headache"), "the source is not what revision 1 says", id);
        String wrongLocale = file.replace("trgLang=\"es\"", "trgLang=\"xx\"");
        refused(wrongLocale, lineOf(wrongLocale, "trgLang"), "trgLang 'xx' is not a locale the CMS publishes in", id);
        String french = file.replace("trgLang=\"es\"", "trgLang=\"fr\"");
        refused(french, lineOf(french, "trgLang"), "You do not translate into fr", id);
        assertEquals(0, revisions(id, "fr"));
        String emptyHeading = file.replace("<target>Qué es una migraña</target>", "<target/>");
        refused(emptyHeading, lineOf(emptyHeading, "<target/>"), "unit body-1: the heading has no translation", id);

        assertEquals(200, author.put(path + "/locales/en", edit(slug, BODY + "\n\nA new paragraph.", "more"), "\"r1\"")
                .status());
        refused(file, lineOf(file, "type=\"sourceRevision\""),
                "The file translates revision 1 of the en text, but revision 2 is the current one now", id);
    }

    @Test
    void theTranslationMemoryFillsInAnIdenticalParagraphOfAnotherArticle() throws Exception {
        String first = path(author.post("/api/articles", with(article(unique("xliff-memory")), "body", BODY)));
        String file = translated(translator.get(first + "/locales/es/xliff").body());
        assertEquals(200, translator.post("/api/xliff", "application/xliff+xml", file).status());
        String marker = unique("memorymarker");
        String second = path(author.post("/api/articles", with(article(unique("xliff-memory")), "body",
                "A paragraph of its own: " + marker + ".\n\n"
                        + "A migraine is a **moderate or severe** headache, often with *nausea*.")));

        Document export = parse(translator.get(second + "/locales/es/xliff").body());

        Element remembered = unit(export, "body-2");
        assertEquals("Una migraña es un dolor de cabeza moderado o intenso, a menudo con náuseas.",
                target(remembered).getTextContent());
        assertEquals("initial", ((Element) remembered.getElementsByTagNameNS(XLIFF, "segment").item(0)).getAttribute("state"));
        Element note = (Element) remembered.getElementsByTagNameNS(XLIFF, "note").item(0);
        assertEquals("translation memory", note.getTextContent());
        assertEquals(2, target(remembered).getElementsByTagNameNS(XLIFF, "pc").getLength(), "the bold and the italics");
        assertEquals(0, unit(export, "body-1").getElementsByTagNameNS(XLIFF, "target").getLength(), "new text has none");
    }

    @Test
    void whoMayExportAndImportAndWhatAddressesAnswer() {
        String path = path(author.post("/api/articles", with(article(unique("xliff-roles")), "body", BODY)));
        String file = translator.get(path + "/locales/es/xliff").body();

        var reviewer = Api.as("reviewer").post("/api/xliff", "application/xliff+xml", file);
        assertEquals(403, reviewer.status(), reviewer::toString);
        assertEquals(401, Api.anonymous().get(path + "/locales/es/xliff").status());
        assertEquals(404, translator.get("/api/articles/99999999/locales/es/xliff").status());
        assertEquals(404, translator.get(path + "/locales/xx/xliff").status());
        var source = translator.get(path + "/locales/en/xliff");
        assertEquals(400, source.status(), source::toString);
        assertTrue(source.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(415, translator.post("/api/xliff", "text/plain", file).status());
        assertEquals(200, translator.get(path + "/locales/en").status(), "the article's own routes stay intact");
    }

    private void refused(String file, int line, String reason, long articleId) {
        long before = revisions(articleId, "es");
        var answer = translator.post("/api/xliff", "application/xliff+xml", file);

        assertEquals(400, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type").orElseThrow().startsWith("application/problem+json"), answer::toString);
        JsonNode errors = answer.json().get("errors");
        assertNotNull(errors, answer::toString);
        boolean found = false;
        for (JsonNode error : errors) {
            assertTrue(error.get("field").asText().matches("line \\d+, column \\d+"), answer::toString);
            found |= error.get("field").asText().startsWith("line " + line + ",")
                    && error.get("message").asText().contains(reason);
        }
        assertTrue(found, () -> "line " + line + " \"" + reason + "\" in " + answer);
        assertEquals(before, revisions(articleId, "es"), "nothing changed");
    }

    static long revisions(long articleId, String locale) {
        return DatabaseRows.count("select count(*) from revision r join variant v on r.variant_id = v.id"
                + " where v.article_id = ? and v.locale = ?", articleId, locale);
    }

    /** The exported file with each unit's target filled in by the translator's tool: the source's codes, Spanish words. */
    static String translated(String exported) throws Exception {
        return translated(exported, SPANISH);
    }

    /** The same, with the words the translator's tool knows. */
    static String translated(String exported, Map<String, String> words) throws Exception {
        Document xliff = parse(exported);
        NodeList segments = xliff.getElementsByTagNameNS(XLIFF, "segment");
        for (int i = 0; i < segments.getLength(); i++) {
            Element segment = (Element) segments.item(i);
            Element source = (Element) segment.getElementsByTagNameNS(XLIFF, "source").item(0);
            NodeList old = segment.getElementsByTagNameNS(XLIFF, "target");
            if (old.getLength() > 0) {
                segment.removeChild(old.item(0));
            }
            Node target = xliff.renameNode(source.cloneNode(true), XLIFF, "target");
            translateText(target, words);
            segment.insertBefore(target, source.getNextSibling());
        }
        StringWriter file = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(xliff), new StreamResult(file));
        return file.toString();
    }

    private static void translateText(Node node, Map<String, String> words) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                String spanish = words.get(child.getNodeValue());
                if (spanish == null) {
                    throw new AssertionError("No Spanish for '" + child.getNodeValue() + "'");
                }
                child.setNodeValue(spanish);
            } else {
                translateText(child, words);
            }
        }
    }

    static Document parse(String file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> unitIds(Document xliff) {
        List<String> ids = new ArrayList<>();
        NodeList units = xliff.getElementsByTagNameNS(XLIFF, "unit");
        for (int i = 0; i < units.getLength(); i++) {
            ids.add(((Element) units.item(i)).getAttribute("id"));
        }
        return ids;
    }

    static Element unit(Document xliff, String id) {
        NodeList units = xliff.getElementsByTagNameNS(XLIFF, "unit");
        for (int i = 0; i < units.getLength(); i++) {
            if (((Element) units.item(i)).getAttribute("id").equals(id)) {
                return (Element) units.item(i);
            }
        }
        throw new AssertionError("No unit " + id);
    }

    static Element source(Element unit) {
        return (Element) unit.getElementsByTagNameNS(XLIFF, "source").item(0);
    }

    static Element target(Element unit) {
        Element target = (Element) unit.getElementsByTagNameNS(XLIFF, "target").item(0);
        assertNotNull(target, "unit " + unit.getAttribute("id") + " has no target");
        return target;
    }

    static String data(Element unit, String id) {
        NodeList data = unit.getElementsByTagNameNS(XLIFF, "data");
        for (int i = 0; i < data.getLength(); i++) {
            if (((Element) data.item(i)).getAttribute("id").equals(id)) {
                return data.item(i).getTextContent();
            }
        }
        throw new AssertionError("No data " + id);
    }

    static String meta(Document xliff, String type) {
        Map<String, String> meta = new LinkedHashMap<>();
        NodeList metas = xliff.getElementsByTagNameNS(METADATA, "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            meta.put(((Element) metas.item(i)).getAttribute("type"), metas.item(i).getTextContent());
        }
        return meta.get(type);
    }

    static int lineOf(String file, String text) {
        int at = file.indexOf(text);
        assertFalse(at < 0, text + " is not in the file");
        return (int) file.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static long articleId(String path) {
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }
}
