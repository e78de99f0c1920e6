package org.medpub.cms.translation.control;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.medpub.cms.translation.control.Inline.Paired;
import org.medpub.cms.translation.control.Inline.Placeholder;
import org.medpub.cms.translation.control.Inline.Text;

/**
 * Reads an XLIFF 2 file with the JDK's streaming parser, which tells where in the file each
 * thing is. DTDs and external entities are refused, so a file can neither make the server read
 * other files nor blow up in memory.
 *
 * <p>What is read: the root {@code <xliff>} in the XLIFF 2 namespace with {@code version} 2.x,
 * {@code srcLang} and {@code trgLang}; one {@code <file>} with its {@code id} and the
 * {@code sourceRevision} of its {@code cms} metadata group; its units, also inside groups.
 * A unit split into several segments counts as the segments joined. Inline, {@code <pc>} and
 * {@code <ph>} are codes, {@code <cp>} a character, {@code <mrk>} annotations keep their words,
 * {@code <sm>}/{@code <em>} are left out; {@code <sc>}/{@code <ec>} are refused, as the export
 * never writes them. Notes, original data and the elements of other modules are passed over.
 *
 * <p>A file that is not well-formed XML, or not XLIFF 2 at all, is refused at once; any other
 * problem is noted and reading goes on, so that all of them are reported together.
 */
public final class XliffReader {

    public static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";
    public static final String METADATA = "urn:oasis:names:tc:xliff:metadata:2.0";
    static final String CMS_METADATA = "cms";
    static final String SOURCE_REVISION = "sourceRevision";

    private static final Pattern VERSION_2 = Pattern.compile("2\\.\\d+");
    private static final int MAX_DEPTH = 100;

    private final XMLStreamReader xml;
    private final List<XliffProblem> problems = new ArrayList<>();
    private final List<XliffFile.Unit> units = new ArrayList<>();
    private Position fileStart;
    private String fileId;
    private Position sourceRevisionAt;
    private String sourceRevision;

    private XliffReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    /**
     * @throws XliffRejected when the file is empty, not well-formed or nested too deep, has a DTD, or is not XLIFF 2
     */
    public static XliffFile read(byte[] document) {
        if (document.length == 0) {
            throw new XliffRejected(new Position(1, 1), "The body is empty: send the XLIFF file");
        }
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // codes and groups are read recursively: a file of elements nested thousands deep must not exhaust the stack
        factory.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            try {
                return new XliffReader(xml).document();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    private XliffFile document() throws XMLStreamException {
        while (xml.next() != XMLStreamConstants.START_ELEMENT) {
            if (xml.getEventType() == XMLStreamConstants.DTD) {
                throw new XliffRejected(here(), "A DOCTYPE is not allowed: XLIFF files have none");
            }
        }
        Position start = here();
        if (!is(XLIFF, "xliff")) {
            String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
            throw new XliffRejected(start, namespace.startsWith("urn:oasis:names:tc:xliff:document:1.")
                    ? "This is XLIFF 1; the CMS reads XLIFF 2 (2.1 as it exports): export the file again"
                    : "This is not an XLIFF 2 file: its root is <" + xml.getLocalName() + "> in the namespace '"
                            + namespace + "', not <xliff> in " + XLIFF);
        }
        String version = xml.getAttributeValue(null, "version");
        if (version == null || !VERSION_2.matcher(version).matches()) {
            problems.add(new XliffProblem(start, "version is " + (version == null ? "missing" : "'" + version + "'")
                    + ": the CMS reads XLIFF 2.x, and exports 2.1"));
        }
        String srcLang = required(start, "srcLang", "the source language");
        String trgLang = required(start, "trgLang", "the language translated into");
        int files = 0;
        while (nextChild()) {
            if (is(XLIFF, "file")) {
                if (++files == 1) {
                    file();
                    continue;
                }
                problems.add(new XliffProblem(here(), "A second <file>: import one article per XLIFF file"));
            }
            skip();
        }
        if (files == 0) {
            problems.add(new XliffProblem(start, "The file has no <file> element, so no article"));
        }
        return new XliffFile(start, srcLang, trgLang, fileStart == null ? start : fileStart, fileId, sourceRevisionAt,
                sourceRevision, units, problems);
    }

    private void file() throws XMLStreamException {
        fileStart = here();
        fileId = xml.getAttributeValue(null, "id");
        unitsAndGroups();
    }

    private void unitsAndGroups() throws XMLStreamException {
        while (nextChild()) {
            if (is(XLIFF, "unit")) {
                unit();
            } else if (is(XLIFF, "group")) {
                unitsAndGroups();
            } else if (is(METADATA, "metadata")) {
                metadata(null);
            } else {
                skip();
            }
        }
    }

    /** Reads a metadata element or group; {@code category} is that of the group it is in. */
    private void metadata(String category) throws XMLStreamException {
        while (nextChild()) {
            if (is(METADATA, "metaGroup")) {
                metadata(xml.getAttributeValue(null, "category"));
            } else if (is(METADATA, "meta") && CMS_METADATA.equals(category)
                    && SOURCE_REVISION.equals(xml.getAttributeValue(null, "type"))) {
                sourceRevisionAt = here();
                sourceRevision = text();
            } else {
                skip();
            }
        }
    }

    private void unit() throws XMLStreamException {
        Position start = here();
        String id = xml.getAttributeValue(null, "id");
        List<Inline> source = new ArrayList<>();
        List<Inline> target = new ArrayList<>();
        Position sourceStart = null;
        Position targetStart = null;
        boolean translated = false;
        boolean untranslated = false;
        while (nextChild()) {
            boolean ignorable = is(XLIFF, "ignorable");
            if (!ignorable && !is(XLIFF, "segment")) {
                skip();
                continue;
            }
            List<Inline> segmentSource = List.of();
            List<Inline> segmentTarget = null;
            while (nextChild()) {
                if (is(XLIFF, "source")) {
                    sourceStart = sourceStart == null ? here() : sourceStart;
                    segmentSource = inline();
                } else if (is(XLIFF, "target")) {
                    targetStart = targetStart == null ? here() : targetStart;
                    segmentTarget = inline();
                } else {
                    skip();
                }
            }
            source.addAll(segmentSource);
            if (segmentTarget != null) {
                target.addAll(segmentTarget);
                translated = true;
            } else if (ignorable) {
                target.addAll(segmentSource);
            } else {
                untranslated = true;
            }
        }
        if (id == null) {
            problems.add(new XliffProblem(start, "A <unit> without id"));
            return;
        }
        if (translated && untranslated) {
            problems.add(new XliffProblem(start, "unit " + id + ": some of its segments have a target and some not;"
                    + " translate all of them"));
        }
        units.add(new XliffFile.Unit(id, start, source, sourceStart == null ? start : sourceStart,
                translated ? target : null, targetStart));
    }

    /** The mixed content of a source or target, up to its end tag. */
    private List<Inline> inline() throws XMLStreamException {
        List<Inline> content = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                code(content, text);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                flush(text, content);
                return content;
            }
        }
    }

    private void code(List<Inline> content, StringBuilder text) throws XMLStreamException {
        String name = XLIFF.equals(xml.getNamespaceURI()) ? xml.getLocalName() : "";
        String id = xml.getAttributeValue(null, "id");
        switch (name) {
            case "pc" -> {
                flush(text, content);
                Position at = here();
                List<Inline> words = inline();
                if (id == null) {
                    problems.add(new XliffProblem(at, "A <pc> without id"));
                    content.addAll(words);
                } else {
                    content.add(new Paired(id, words));
                }
            }
            case "ph" -> {
                flush(text, content);
                if (id == null) {
                    problems.add(new XliffProblem(here(), "A <ph> without id"));
                } else {
                    content.add(new Placeholder(id));
                }
                skip();
            }
            case "cp" -> {
                character(text, xml.getAttributeValue(null, "hex"));
                skip();
            }
            case "mrk" -> {
                flush(text, content);
                content.addAll(inline());
            }
            case "sm", "em" -> skip();
            case "sc", "ec" -> {
                problems.add(new XliffProblem(here(), "<" + name + "> codes are not read: keep the codes as"
                        + " <pc> and <ph>, as exported"));
                skip();
            }
            default -> {
                problems.add(new XliffProblem(here(), "<" + xml.getLocalName() + "> does not belong in a source or target"));
                skip();
            }
        }
    }

    private void character(StringBuilder text, String hex) {
        try {
            text.appendCodePoint(Integer.parseInt(hex, 16));
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(new XliffProblem(here(), "<cp hex=\"" + hex + "\"> names no character"));
        }
    }

    private static void flush(StringBuilder text, List<Inline> content) {
        if (text.length() > 0) {
            content.add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    /** The text of an element, without that of any element inside it. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                text.append(xml.getText());
            }
        }
        return text.toString().strip();
    }

    private String required(Position at, String attribute, String meaning) {
        String value = xml.getAttributeValue(null, attribute);
        if (value == null || value.isBlank()) {
            problems.add(new XliffProblem(at, attribute + " is missing: it names " + meaning));
            return null;
        }
        return value.strip();
    }

    /** Moves to the next child element of the current one; false at the current one's end. */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                return false;
            }
        }
    }

    /** Passes over the current element and everything in it. */
    private void skip() throws XMLStreamException {
        text();
    }

    private boolean is(String namespace, String localName) {
        return namespace.equals(xml.getNamespaceURI()) && localName.equals(xml.getLocalName());
    }

    private Position here() {
        Location location = xml.getLocation();
        return new Position(location.getLineNumber(), location.getColumnNumber());
    }

    private static XliffRejected notWellFormed(XMLStreamException e) {
        Location location = e.getLocation();
        Position at = location == null ? new Position(1, 1)
                : new Position(Math.max(1, location.getLineNumber()), Math.max(1, location.getColumnNumber()));
        String message = e.getMessage() == null ? "" : e.getMessage();
        int reason = message.indexOf("Message: ");
        message = reason >= 0 ? message.substring(reason + "Message: ".length()) : message;
        return new XliffRejected(at, "The file cannot be read as XML: " + message.strip());
    }
}
