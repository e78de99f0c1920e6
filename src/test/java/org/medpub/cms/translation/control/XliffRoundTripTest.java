package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.translation.control.XliffFixtures.exported;
import static org.medpub.cms.translation.control.XliffFixtures.imported;
import static org.medpub.cms.translation.control.XliffFixtures.source;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.translation.control.MarkdownSegments.BodyBlock;
import org.medpub.cms.translation.control.TranslationCheck.CheckedTranslation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Export, then import: what comes back is the source's Markdown, with the translation's words in it. */
class XliffRoundTripTest {

    static Stream<String> bodies() {
        List<String> bodies = new ArrayList<>(List.of(XliffFixtures.BODY, MarkdownSegmentsTest.BODY,
                "Escapes \\* stay, &amp; entities *stay*, __strong__ and _em_ too.\n\n"
                        + "* star item\n+ plus item\n\n10. ten\n11. eleven\n\n"
                        + "A [reference link][ref] and ![an image](x.png \"title\") and <sup>2</sup> and <https://a.org>.\n\n"
                        + "[ref]: https://example.org/ref\n\n"
                        + "    indented code\n\n"
                        + "> - a list in a quote\n>   wrapped\n>\n> > nested quote\n\n"
                        + "Text with a control character \u0001 that XML cannot hold."));
        XliffFixtures.demoArticles().forEach(article -> {
            bodies.add(article[0].body());
            bodies.add(article[1].body());
        });
        return bodies.stream();
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void anUnchangedFileGivesBackTheSourceByteForByte(String body) {
        RevisionContent source = source(body);

        CheckedTranslation translation = imported(exported(source, 1, "es", words -> words),
                new XliffFixtures.Facts(source));

        assertEquals(body, translation.body());
        assertEquals(source.title(), translation.title());
        assertEquals(source.summary(), translation.summary());
        assertEquals(source.references().stream().map(Reference::asLine).toList(),
                translation.references().stream().map(Reference::asLine).toList());
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void aTranslatedFileGivesTheSourcesStructureWithTheTranslatedWords(String body) {
        RevisionContent source = source(body);

        CheckedTranslation translation = imported(exported(source, 1, "es", words -> words.toUpperCase(Locale.ROOT)),
                new XliffFixtures.Facts(source));

        List<BodyBlock> before = MarkdownSegments.blocks(body);
        List<BodyBlock> after = MarkdownSegments.blocks(translation.body());
        assertEquals(before.stream().map(b -> b.unit().kind()).toList(), after.stream().map(b -> b.unit().kind()).toList());
        for (int i = 0; i < before.size(); i++) {
            Segment was = before.get(i).unit().source();
            Segment is = after.get(i).unit().source();
            assertEquals(Segment.words(was.content()).toUpperCase(Locale.ROOT), Segment.words(is.content()));
            assertEquals(was.codes().values().stream().map(InlineCode::kind).toList(),
                    is.codes().values().stream().map(InlineCode::kind).toList());
        }
        assertEquals(source.title().toUpperCase(Locale.ROOT), translation.title());
    }

    @Test
    void theExportIsXliff21WithTheFormattingAsInlineCodes() throws Exception {
        String file = exported(source(XliffFixtures.BODY), 7, "es", null);
        Document xliff = parse(file);

        Element root = xliff.getDocumentElement();
        assertEquals(XliffReader.XLIFF, root.getNamespaceURI());
        assertEquals("xliff", root.getLocalName());
        assertEquals("2.1", root.getAttribute("version"));
        assertEquals("en", root.getAttribute("srcLang"));
        assertEquals("es", root.getAttribute("trgLang"));
        Element fileElement = (Element) root.getElementsByTagNameNS(XliffReader.XLIFF, "file").item(0);
        assertEquals("article-42", fileElement.getAttribute("id"));
        Element meta = (Element) xliff.getElementsByTagNameNS(XliffReader.METADATA, "meta").item(1);
        assertEquals("sourceRevision", meta.getAttribute("type"));
        assertEquals("7", meta.getTextContent());
        assertEquals("cms", ((Element) meta.getParentNode()).getAttribute("category"));

        NodeList units = xliff.getElementsByTagNameNS(XliffReader.XLIFF, "unit");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < units.getLength(); i++) {
            ids.add(((Element) units.item(i)).getAttribute("id"));
        }
        assertEquals(List.of("title", "summary", "body-1", "body-2", "body-3", "body-4", "reference-1"), ids);
        assertEquals("cms:list-item", ((Element) units.item(4)).getAttribute("type"));

        Element paragraph = (Element) units.item(3);
        Element source = (Element) paragraph.getElementsByTagNameNS(XliffReader.XLIFF, "source").item(0);
        assertEquals("A migraine is a moderate or severe headache, often with nausea.", source.getTextContent());
        Element bold = (Element) source.getElementsByTagNameNS(XliffReader.XLIFF, "pc").item(0);
        assertEquals("fmt", bold.getAttribute("type"));
        assertEquals("xlf:b", bold.getAttribute("subType"));
        assertEquals("**", data(paragraph, bold.getAttribute("dataRefStart")));
        assertEquals("xlf:i", ((Element) source.getElementsByTagNameNS(XliffReader.XLIFF, "pc").item(1)).getAttribute("subType"));

        Element link = (Element) ((Element) units.item(5)).getElementsByTagNameNS(XliffReader.XLIFF, "pc").item(0);
        assertEquals("link", link.getAttribute("type"));
        assertEquals("](https://example.org/migraine)", data((Element) units.item(5), link.getAttribute("dataRefEnd")));
        Element code = (Element) ((Element) units.item(4)).getElementsByTagNameNS(XliffReader.XLIFF, "ph").item(0);
        assertEquals("`ibuprofen`", data((Element) units.item(4), code.getAttribute("dataRef")));
        NodeList sources = xliff.getElementsByTagNameNS(XliffReader.XLIFF, "source");
        for (int i = 0; i < sources.getLength(); i++) {
            String text = sources.item(i).getTextContent();
            assertFalse(text.contains("*") || text.contains("`") || text.contains("]("), "no Markdown in " + text);
        }
        assertEquals(0, xliff.getElementsByTagNameNS(XliffReader.XLIFF, "target").getLength());
    }

    @Test
    void charactersXmlCannotHoldTravelAsCodePoints() {
        String file = exported(source("A bell \u0007 rings."), 1, "es", words -> words);

        assertTrue(file.contains("<cp hex=\"0007\"/>"), file);
        assertEquals("A bell \u0007 rings.", imported(file, new XliffFixtures.Facts(source("A bell \u0007 rings."))).body());
    }

    static Document parse(String file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    }

    private static String data(Element unit, String id) {
        NodeList data = unit.getElementsByTagNameNS(XliffReader.XLIFF, "data");
        for (int i = 0; i < data.getLength(); i++) {
            if (((Element) data.item(i)).getAttribute("id").equals(id)) {
                return data.item(i).getTextContent();
            }
        }
        throw new AssertionError("no data " + id);
    }
}
