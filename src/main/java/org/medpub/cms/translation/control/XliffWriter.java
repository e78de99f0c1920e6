package org.medpub.cms.translation.control;

import static org.medpub.cms.translation.control.XliffReader.METADATA;
import static org.medpub.cms.translation.control.XliffReader.XLIFF;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.medpub.cms.translation.control.Inline.Paired;
import org.medpub.cms.translation.control.Inline.Placeholder;
import org.medpub.cms.translation.control.Inline.Text;

/**
 * Writes the XLIFF 2.1 file of one article for translation into one locale. The layout:
 *
 * <pre>{@code
 * <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="es">
 *   <file id="article-42" canResegment="no" original="/api/articles/42/locales/en/revisions/7">
 *     <mda:metadata><mda:metaGroup category="cms">
 *       <mda:meta type="articleId">42</mda:meta>
 *       <mda:meta type="sourceRevision">7</mda:meta>
 *     </mda:metaGroup></mda:metadata>
 *     <unit id="body-2" type="cms:paragraph">
 *       <notes><note category="cms" appliesTo="target">translation memory</note></notes>
 *       <originalData><data id="d1">**</data><data id="d2">**</data></originalData>
 *       <segment state="initial">
 *         <source>Take <pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d2" …>one</pc> pill</source>
 *         <target>…</target>
 *       </segment>
 *     </unit>
 * }</pre>
 *
 * A target that the article's own translation already had is {@code state="translated"}; one
 * taken from the translation memory is {@code state="initial"} with the note above. Characters
 * XML cannot carry are written as {@code <cp hex="…"/>}. Codes may not be copied, and only a
 * wrapped line may be deleted ({@code canCopy}, {@code canDelete}).
 */
public final class XliffWriter {

    /** Where a suggested target comes from. */
    public enum Suggestion {
        NONE, TRANSLATION, MEMORY
    }

    /** A unit as the export offers it, with the translation to start from if the CMS has one. */
    public record ExportedUnit(TranslationUnit unit, List<Inline> target, Suggestion suggestion) {
    }

    /** The article and revision a file translates, and into what. */
    public record Header(long articleId, String sourceLocale, String targetLocale, int sourceRevision) {
    }

    static final String MEMORY_NOTE = "translation memory";

    private final XMLStreamWriter xml;

    private XliffWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    public static byte[] write(Header header, List<ExportedUnit> units) {
        var bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            new XliffWriter(xml).document(header, units);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the XLIFF file", e);
        }
        return bytes.toByteArray();
    }

    private void document(Header header, List<ExportedUnit> units) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.setDefaultNamespace(XLIFF);
        xml.setPrefix("mda", METADATA);
        xml.writeStartElement(XLIFF, "xliff");
        xml.writeDefaultNamespace(XLIFF);
        xml.writeNamespace("mda", METADATA);
        xml.writeAttribute("version", "2.1");
        xml.writeAttribute("srcLang", header.sourceLocale());
        xml.writeAttribute("trgLang", header.targetLocale());
        indent(1);
        xml.writeStartElement(XLIFF, "file");
        xml.writeAttribute("id", "article-" + header.articleId());
        xml.writeAttribute("canResegment", "no");
        xml.writeAttribute("original", "/api/articles/" + header.articleId() + "/locales/" + header.sourceLocale()
                + "/revisions/" + header.sourceRevision());
        indent(2);
        xml.writeStartElement(METADATA, "metadata");
        indent(3);
        xml.writeStartElement(METADATA, "metaGroup");
        xml.writeAttribute("category", XliffReader.CMS_METADATA);
        meta("articleId", Long.toString(header.articleId()));
        meta(XliffReader.SOURCE_REVISION, Integer.toString(header.sourceRevision()));
        indent(3);
        xml.writeEndElement();
        indent(2);
        xml.writeEndElement();
        for (ExportedUnit unit : units) {
            unit(unit);
        }
        indent(1);
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void meta(String type, String value) throws XMLStreamException {
        indent(4);
        xml.writeStartElement(METADATA, "meta");
        xml.writeAttribute("type", type);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private void unit(ExportedUnit exported) throws XMLStreamException {
        TranslationUnit unit = exported.unit();
        Map<String, InlineCode> codes = unit.source().codes();
        indent(2);
        xml.writeStartElement(XLIFF, "unit");
        xml.writeAttribute("id", unit.id());
        xml.writeAttribute("type", unit.kind().type());
        if (exported.suggestion() == Suggestion.MEMORY) {
            indent(3);
            xml.writeStartElement(XLIFF, "notes");
            xml.writeStartElement(XLIFF, "note");
            xml.writeAttribute("category", XliffReader.CMS_METADATA);
            xml.writeAttribute("appliesTo", "target");
            xml.writeCharacters(MEMORY_NOTE);
            xml.writeEndElement();
            xml.writeEndElement();
        }
        Map<String, String> dataIds = originalData(codes);
        indent(3);
        xml.writeStartElement(XLIFF, "segment");
        if (exported.target() != null) {
            xml.writeAttribute("state", exported.suggestion() == Suggestion.TRANSLATION ? "translated" : "initial");
        }
        indent(4);
        xml.writeStartElement(XLIFF, "source");
        content(unit.source().content(), codes, dataIds);
        xml.writeEndElement();
        if (exported.target() != null) {
            indent(4);
            xml.writeStartElement(XLIFF, "target");
            content(exported.target(), codes, dataIds);
            xml.writeEndElement();
        }
        indent(3);
        xml.writeEndElement();
        indent(2);
        xml.writeEndElement();
    }

    /**
     * Writes each code's Markdown as original data: {@code d1}, {@code d2}, … in reading order,
     * the start and the end of a paired code one after the other.
     *
     * @return the data ids by code id, the end's under the code id followed by "/"
     */
    private Map<String, String> originalData(Map<String, InlineCode> codes) throws XMLStreamException {
        Map<String, String> dataIds = new HashMap<>();
        if (codes.isEmpty()) {
            return dataIds;
        }
        indent(3);
        xml.writeStartElement(XLIFF, "originalData");
        for (InlineCode code : codes.values()) {
            dataIds.put(code.id(), data(dataIds.size() + 1, code.markup()));
            if (code.kind().paired()) {
                dataIds.put(code.id() + "/", data(dataIds.size() + 1, code.closing()));
            }
        }
        indent(3);
        xml.writeEndElement();
        return dataIds;
    }

    private String data(int number, String markup) throws XMLStreamException {
        String id = "d" + number;
        indent(4);
        xml.writeStartElement(XLIFF, "data");
        xml.writeAttribute("id", id);
        characters(markup);
        xml.writeEndElement();
        return id;
    }

    private void content(List<Inline> content, Map<String, InlineCode> codes, Map<String, String> dataIds)
            throws XMLStreamException {
        for (Inline item : content) {
            if (item instanceof Text text) {
                characters(text.text());
            } else if (item instanceof Placeholder placeholder) {
                InlineCode code = codes.get(placeholder.id());
                xml.writeEmptyElement(XLIFF, "ph");
                codeAttributes(code);
                xml.writeAttribute("dataRef", dataIds.get(code.id()));
                if (!code.display().isEmpty()) {
                    xml.writeAttribute("disp", oneLine(code.display()));
                }
                if (code.kind() == CodeKind.SOFT_BREAK) {
                    xml.writeAttribute("equiv", " ");
                } else if (code.kind() == CodeKind.CODE || code.kind() == CodeKind.FIXED_LINK) {
                    xml.writeAttribute("equiv", oneLine(code.display()));
                }
            } else if (item instanceof Paired paired) {
                InlineCode code = codes.get(paired.id());
                xml.writeStartElement(XLIFF, "pc");
                codeAttributes(code);
                xml.writeAttribute("canOverlap", "no");
                xml.writeAttribute("dataRefStart", dataIds.get(code.id()));
                xml.writeAttribute("dataRefEnd", dataIds.get(code.id() + "/"));
                content(paired.content(), codes, dataIds);
                xml.writeEndElement();
            }
        }
    }

    private void codeAttributes(InlineCode code) throws XMLStreamException {
        xml.writeAttribute("id", code.id());
        xml.writeAttribute("type", code.kind().type());
        if (code.kind().subType() != null) {
            xml.writeAttribute("subType", code.kind().subType());
        }
        xml.writeAttribute("canCopy", "no");
        xml.writeAttribute("canDelete", code.kind().mayBeDropped() ? "yes" : "no");
    }

    /** Text, with each character that XML 1.0 cannot hold written as {@code <cp>}. */
    private void characters(String text) throws XMLStreamException {
        int from = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!allowedInXml(c)) {
                xml.writeCharacters(text.substring(from, i));
                xml.writeEmptyElement(XLIFF, "cp");
                xml.writeAttribute("hex", String.format("%04X", c));
                from = next;
            }
            i = next;
        }
        xml.writeCharacters(text.substring(from));
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(Character.isWhitespace(c) || !allowedInXml(c) ? ' ' : c));
        return line.toString();
    }

    private void indent(int level) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(level));
    }
}
