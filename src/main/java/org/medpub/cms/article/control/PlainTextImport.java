package org.medpub.cms.article.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads text copied from a web page or a word processor, one paragraph, heading or list item per line.
 *
 * <ul>
 * <li>The first line that is not blank is the title (at most 200 characters).</li>
 * <li>A short line (at most 80 characters, not ending in a full stop or a colon) is a heading when
 * a paragraph or a list follows it and it stands alone: after a blank line, a list, or a line that
 * is not short itself.</li>
 * <li>Lines starting with •, -, *, –, — or · are bullet points; lines starting with a number of up
 * to three digits and "." or ")" ("1.", "2)") are numbered points.</li>
 * <li>After a line ending in a colon (such as "…including:"), the short lines that follow are bullet
 * points even without bullet characters, until a blank line or a longer sentence. Inside such a
 * list, a short line in Title Case that is followed by a paragraph or by another list is taken to
 * be the next heading ("Benefits of Treatment"), and not the last point.</li>
 * <li>"Name – explanation" lines (a name of up to 60 characters, a spaced dash, the explanation) are
 * bullet points, kept as written, after such a colon line or a bullet point, or when two or more
 * of them follow one another.</li>
 * <li>Every other line is a paragraph of its own.</li>
 * <li>Runs of spaces become one space; accents are stored in their composed form; typographic
 * quotes and dashes stay as they are. Characters that mean something in Markdown, such as * or [,
 * are escaped so that they show as typed ({@link MarkdownText}).</li>
 * </ul>
 */
final class PlainTextImport {

    private static final int TITLE_LENGTH = 200;

    /**
     * Reads text pasted from a web page or a word processor.
     *
     * @throws UnreadableDocumentException when the text is blank or its first line is too long to be a title
     */
    ImportedDocument read(String text) {
        List<String> lines = PastedText.lines(PastedText.nfc(text));
        int first = 0;
        while (first < lines.size() && lines.get(first).isEmpty()) {
            first++;
        }
        if (first == lines.size()) {
            throw UnreadableDocumentException.empty();
        }
        String title = lines.get(first);
        if (title.length() > TITLE_LENGTH) {
            throw new UnreadableDocumentException("The first line is too long to be a title. "
                    + "Put the article's title on a line of its own at the top and import it again.");
        }
        String body = new Layout(lines.subList(first + 1, lines.size())).markdown();
        return ImportedDocument.of(title, body);
    }

    /** Works out the structure of plain text line by line; see the class description. */
    private static final class Layout {

        private enum Kind { HEADING, PARAGRAPH, BULLET, NUMBERED }

        private record Block(Kind kind, String text, int number) {
        }

        private static final int SHORT_LINE = 80;
        private static final Pattern BULLET = Pattern.compile("^(?:[•·]\\s*|[-*–—]\\s+)(\\S.*)$");
        private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3})[.)]\\s+(\\S.*)$");
        private static final Pattern DASH_ITEM = Pattern.compile("^[^.:;!?]{1,60}? [–—-] \\S.*[^:]$");
        private static final Pattern SENTENCE_END = Pattern.compile("[.…][\"”’)]*$");
        private static final Set<String> MINOR_WORDS = Set.of("a", "an", "and", "as", "at", "but", "by",
                "for", "from", "in", "into", "nor", "of", "on", "or", "per", "the", "to", "vs", "via", "with");

        private final List<String> lines;
        private final List<Block> blocks = new ArrayList<>();
        // Inside a list of short lines introduced by a line ending in ':'.
        private boolean implicitList;

        Layout(List<String> lines) {
            this.lines = lines;
        }

        String markdown() {
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isEmpty()) {
                    blocks.add(classify(i));
                }
            }
            return render();
        }

        private Block classify(int i) {
            String line = lines.get(i);
            boolean blankBefore = i == 0 || lines.get(i - 1).isEmpty();
            Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);

            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            if (bullet.matches() || numbered.matches()) {
                implicitList = false;
                return numbered.matches()
                        ? new Block(Kind.NUMBERED, numbered.group(2), Integer.parseInt(numbered.group(1)))
                        : new Block(Kind.BULLET, bullet.group(1), 0);
            }

            boolean introduced = last != null && last.kind == Kind.PARAGRAPH && last.text.endsWith(":");
            boolean continued = implicitList && !blankBefore && last.kind == Kind.BULLET;
            if ((introduced || continued) && (isShort(line) || isDashItem(line))) {
                // A list of short lines has no end marker: a Title Case line that opens the next
                // paragraph or list is the next heading rather than the last point.
                boolean heading = continued && !isDashItem(line) && isTitleCase(line) && startsBlock(nextText(i));
                implicitList = !heading;
                return new Block(heading ? Kind.HEADING : Kind.BULLET, line, 0);
            }
            implicitList = false;

            boolean afterItem = last != null && last.kind == Kind.BULLET && !blankBefore;
            boolean beforeItem = i + 1 < lines.size() && isDashItem(lines.get(i + 1));
            if (isDashItem(line) && (afterItem || beforeItem)) {
                return new Block(Kind.BULLET, line, 0);
            }

            boolean standsAlone = blankBefore || last == null
                    || last.kind == Kind.BULLET || last.kind == Kind.NUMBERED
                    || last.kind == Kind.PARAGRAPH && !isShort(last.text);
            if (isShort(line) && standsAlone && startsBlock(nextText(i))) {
                return new Block(Kind.HEADING, line, 0);
            }
            return new Block(Kind.PARAGRAPH, line, 0);
        }

        private String render() {
            StringBuilder markdown = new StringBuilder();
            Kind previous = null;
            int number = 0;
            for (Block block : blocks) {
                boolean sameList = block.kind == previous && block.kind != Kind.HEADING && block.kind != Kind.PARAGRAPH;
                if (!markdown.isEmpty()) {
                    markdown.append(sameList ? "\n" : "\n\n");
                }
                switch (block.kind) {
                    case HEADING -> markdown.append("## ").append(MarkdownText.headingEnd(MarkdownText.block(block.text)));
                    case PARAGRAPH -> markdown.append(MarkdownText.block(block.text));
                    case BULLET -> markdown.append("- ").append(MarkdownText.block(block.text));
                    case NUMBERED -> {
                        number = sameList ? number + 1 : block.number;
                        markdown.append(number).append(". ").append(MarkdownText.block(block.text));
                    }
                }
                previous = block.kind;
            }
            return markdown.toString();
        }

        private String nextText(int i) {
            for (int j = i + 1; j < lines.size(); j++) {
                if (!lines.get(j).isEmpty()) {
                    return lines.get(j);
                }
            }
            return null;
        }

        /** Whether a line opens a paragraph or a list. */
        private static boolean startsBlock(String line) {
            return line != null && (!isShort(line) || isDashItem(line)
                    || BULLET.matcher(line).matches() || NUMBERED.matcher(line).matches());
        }

        private static boolean isShort(String line) {
            return line.length() <= SHORT_LINE && !line.endsWith(":") && !SENTENCE_END.matcher(line).find();
        }

        private static boolean isDashItem(String line) {
            return DASH_ITEM.matcher(line).matches();
        }

        private static boolean isTitleCase(String line) {
            String[] words = line.split(" ");
            for (int w = 0; w < words.length; w++) {
                String word = words[w];
                int letter = 0;
                while (letter < word.length() && !Character.isLetter(word.charAt(letter))) {
                    letter++;
                }
                boolean minor = w > 0 && MINOR_WORDS.contains(word.toLowerCase(Locale.ROOT));
                if (letter < word.length() && !minor && !Character.isUpperCase(word.charAt(letter))) {
                    return false;
                }
            }
            return true;
        }
    }
}
