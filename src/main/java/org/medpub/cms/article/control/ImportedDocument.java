package org.medpub.cms.article.control;

import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;

/**
 * The parts of a draft article read from a pasted document.
 *
 * @param title   the article's title, as plain text
 * @param summary the first paragraph of the body as plain text, cut at a word boundary to at most
 *                300 characters (ending in "…" when cut); empty when the body has no paragraph
 * @param body    the rest of the article as CommonMark Markdown, without a trailing newline
 */
public record ImportedDocument(String title, String summary, String body) {

    private static final int SUMMARY_LENGTH = 300;
    private static final Parser MARKDOWN = Parser.builder().build();

    /** The document with the given title and body, its summary taken from the body's first paragraph. */
    static ImportedDocument of(String title, String body) {
        return new ImportedDocument(title, summary(body), body);
    }

    private static String summary(String markdown) {
        for (var block = MARKDOWN.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Paragraph paragraph) {
                String text = PlainWords.of(paragraph);
                if (!text.isEmpty()) {
                    return shorten(text);
                }
            }
        }
        return "";
    }

    private static String shorten(String text) {
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        int limit = SUMMARY_LENGTH - 1; // room for the ellipsis
        int space = text.lastIndexOf(' ', limit);
        if (space > 0) {
            limit = space;
        } else if (Character.isHighSurrogate(text.charAt(limit - 1))) {
            limit--;
        }
        return text.substring(0, limit).replaceFirst("[\\s,;:–—-]+$", "") + "…";
    }
}
