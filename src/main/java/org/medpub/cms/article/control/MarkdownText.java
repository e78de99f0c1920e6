package org.medpub.cms.article.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes literal text as CommonMark (with GFM tables) so that it reads as typed: every character
 * that would otherwise become markup is escaped with a backslash, and nothing else is.
 *
 * <ul>
 * <li>Anywhere: {@code \ ` * _ [ ] < |} and a {@code &} that starts an entity, which would open
 * escapes, code, emphasis, links, HTML, table cells and character references.</li>
 * <li>At the start of a line: what would open a heading ({@code #}), a quotation ({@code >}),
 * a list ({@code - }, {@code + }, {@code 1. }, {@code 1) }), a thematic break or setext underline
 * ({@code ---}, {@code ===}) or a code fence ({@code ~~~}).</li>
 * <li>At the end of a heading: a run of {@code #} that would be read as its closing sequence.</li>
 * </ul>
 *
 * <p>The document importers and the XLIFF writer use it, so a text reads the same whichever way
 * it came in.
 */
public final class MarkdownText {

    private static final String ALWAYS_ESCAPED = "\\`*_[]<|";
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    // Line starts that would open a heading, quote, list, thematic break, setext underline or code fence.
    private static final Pattern BLOCK_START = Pattern.compile("^(?:[#>]|[-+](?=\\s|$)|-[-\\s]*$|=+\\s*$|~~~)");
    private static final Pattern ORDERED_START = Pattern.compile("^(\\d{1,9})(?=[.)](?:\\s|$))");
    private static final Pattern CLOSING_HASHES = Pattern.compile("(^|\\s)(#+\\s*)$");

    private MarkdownText() {
    }

    /** Literal text, possibly of several lines, as the content of a paragraph or list item. */
    public static String block(String text) {
        return lineStarts(inline(text));
    }

    /** Escapes the characters that would start inline Markdown: escapes, code, emphasis, links, HTML, cells, entities. */
    public static String inline(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        Matcher entity = ENTITY.matcher(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ALWAYS_ESCAPED.indexOf(c) >= 0 || c == '&' && entity.region(i, text.length()).lookingAt()) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Escapes, in already inline-escaped Markdown, each line start that would open another block. */
    public static String lineStarts(String markdown) {
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lineStart(lines[i]);
        }
        return String.join("\n", lines);
    }

    /**
     * Escapes the start of one line of already inline-escaped Markdown if it would open another
     * block. The end of {@code line} counts as the end of the line, so a piece of a line that
     * more will follow is escaped when in doubt.
     */
    public static String lineStart(String line) {
        if (BLOCK_START.matcher(line).lookingAt()) {
            return "\\" + line;
        }
        Matcher ordered = ORDERED_START.matcher(line);
        return ordered.lookingAt() ? ordered.group(1) + "\\" + line.substring(ordered.end()) : line;
    }

    /** Heading content, in which trailing #s would otherwise be read as a closing sequence. */
    public static String headingEnd(String markdown) {
        return CLOSING_HASHES.matcher(markdown).replaceFirst("$1\\\\$2");
    }
}
