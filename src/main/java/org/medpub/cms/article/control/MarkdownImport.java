package org.medpub.cms.article.control;

import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a CommonMark document.
 *
 * <p>The title is the first level-1 heading ("# Title", or a line underlined with "==="); without one,
 * the heading that opens the document; without that, the first line of the first paragraph if it
 * has at most 120 characters. The title is taken out and everything else is kept exactly as
 * written, except that line endings become plain line feeds.
 */
final class MarkdownImport {

    private static final int TITLE_LENGTH = 120;

    private static final Parser MARKDOWN = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    /**
     * Reads a CommonMark document; the body keeps the author's Markdown as written.
     *
     * @throws UnreadableDocumentException when the document is blank or has no title
     */
    ImportedDocument read(String markdown) {
        // Windows clients send CRLF; the stored body uses LF only, which Markdown renders the same way.
        String source = PastedText.withoutByteOrderMark(markdown).replaceAll("\r\n?", "\n");
        if (PastedText.collapse(source).isEmpty()) {
            throw UnreadableDocumentException.empty();
        }
        Node document = MARKDOWN.parse(source);
        Heading heading = titleHeading(document);
        if (heading != null) {
            List<SourceSpan> spans = heading.getSourceSpans();
            return ImportedDocument.of(PastedText.nfc(PlainWords.of(heading)),
                    withoutLines(source, spans.get(0), spans.get(spans.size() - 1)));
        }
        for (var block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Paragraph paragraph) {
                SourceSpan firstLine = paragraph.getSourceSpans().get(0);
                String line = source.substring(firstLine.getInputIndex(),
                        firstLine.getInputIndex() + firstLine.getLength());
                String title = PastedText.nfc(PlainWords.of(MARKDOWN.parse(line)));
                if (title.isEmpty() || title.length() > TITLE_LENGTH) {
                    break;
                }
                return ImportedDocument.of(title, withoutLines(source, firstLine, firstLine));
            }
        }
        throw new UnreadableDocumentException("No title found. Start the document with a heading "
                + "such as \"# Iron deficiency\", or put a short title on its first line.");
    }

    /** The first level-1 heading, else a heading of any level that opens the document. */
    private static Heading titleHeading(Node document) {
        for (var block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading && heading.getLevel() == 1 && !PlainWords.of(heading).isEmpty()) {
                return heading;
            }
        }
        return document.getFirstChild() instanceof Heading opening && !PlainWords.of(opening).isEmpty()
                ? opening
                : null;
    }

    /** The source without the lines from {@code first} to {@code last}, leaving a blank line where they were. */
    private static String withoutLines(String source, SourceSpan first, SourceSpan last) {
        int start = first.getInputIndex() - first.getColumnIndex();
        int end = last.getInputIndex() + last.getLength();
        if (end < source.length() && source.charAt(end) == '\n') {
            end++;
        }
        String before = source.substring(0, start).stripTrailing();
        // Only blank lines are dropped at the top: leading spaces may start an indented code block.
        String after = source.substring(end).replaceFirst("^(?:[ \\t]*\\n)+", "").stripTrailing();
        if (before.isEmpty() || after.isEmpty()) {
            return before + after;
        }
        // The blank line keeps the text around a removed title as separate blocks.
        return before + "\n\n" + after;
    }
}
