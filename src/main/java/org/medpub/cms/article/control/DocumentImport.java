package org.medpub.cms.article.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns a pasted document into the title, summary and Markdown body of a draft article.
 *
 * <p>What is kept is the title, the headings, the paragraphs and the bullet and numbered lists; the
 * summary is the first paragraph of the body, shortened to 300 characters. A document with no text,
 * or without anything that can serve as its title, is refused with a message for the editor.
 *
 * <h2>Plain text</h2>
 * Text copied from a web page, one paragraph, heading or list item per line:
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
 * are escaped so that they show as typed.</li>
 * </ul>
 *
 * <h2>Markdown</h2>
 * The title is the first level-1 heading ("# Title", or a line underlined with "==="); without one,
 * the heading that opens the document; without that, the first line of the first paragraph if it
 * has at most 120 characters. The title is taken out and everything else is kept exactly as
 * written, except that line endings become plain line feeds.
 *
 * <h2>HTML</h2>
 * The title is the first {@code <h1>} of the page outside its header and navigation, else its
 * {@code <title>}. Headings, paragraphs,
 * lists (also nested), bold, italics, line breaks, quotations and simple tables are converted;
 * the headings are shifted so that the article's own start at level 2. Links are kept only when
 * they point to a web page (http, https) or an e-mail address; other links keep just their text.
 * Scripts, styles, navigation, page headers and footers, forms and embedded frames are left out;
 * any other element keeps its text.
 */
@ApplicationScoped
// Not final: CDI cannot proxy a final class, and an @ApplicationScoped bean is injected through a proxy.
public class DocumentImport {

    private static final int SUMMARY_LENGTH = 300;
    private static final int MARKDOWN_TITLE_LENGTH = 120;
    private static final int PLAIN_TITLE_LENGTH = 200;

    private static final Parser MARKDOWN = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    /**
     * Reads text pasted from a web page or a word processor.
     *
     * @throws UnreadableDocumentException when the text is blank or its first line is too long to be a title
     */
    public ImportedDocument fromPlainText(String text) {
        List<String> lines = Text.lines(Text.nfc(text));
        int first = 0;
        while (first < lines.size() && lines.get(first).isEmpty()) {
            first++;
        }
        if (first == lines.size()) {
            throw empty();
        }
        String title = lines.get(first);
        if (title.length() > PLAIN_TITLE_LENGTH) {
            throw new UnreadableDocumentException("The first line is too long to be a title. "
                    + "Put the article's title on a line of its own at the top and import it again.");
        }
        String body = new PlainTextLayout(lines.subList(first + 1, lines.size())).markdown();
        return document(title, body);
    }

    /**
     * Reads a CommonMark document; the body keeps the author's Markdown as written.
     *
     * @throws UnreadableDocumentException when the document is blank or has no title
     */
    public ImportedDocument fromMarkdown(String markdown) {
        // Windows clients send CRLF; the stored body uses LF only, which Markdown renders the same way.
        String source = Text.withoutByteOrderMark(markdown).replaceAll("\r\n?", "\n");
        if (Text.collapse(source).isEmpty()) {
            throw empty();
        }
        org.commonmark.node.Node document = MARKDOWN.parse(source);
        Heading heading = titleHeading(document);
        if (heading != null) {
            List<SourceSpan> spans = heading.getSourceSpans();
            return document(Text.nfc(plainText(heading)),
                    withoutLines(source, spans.get(0), spans.get(spans.size() - 1)));
        }
        for (var block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Paragraph paragraph) {
                SourceSpan firstLine = paragraph.getSourceSpans().get(0);
                String line = source.substring(firstLine.getInputIndex(),
                        firstLine.getInputIndex() + firstLine.getLength());
                String title = Text.nfc(plainText(MARKDOWN.parse(line)));
                if (title.isEmpty() || title.length() > MARKDOWN_TITLE_LENGTH) {
                    break;
                }
                return document(title, withoutLines(source, firstLine, firstLine));
            }
        }
        throw new UnreadableDocumentException("No title found. Start the document with a heading "
                + "such as \"# Iron deficiency\", or put a short title on its first line.");
    }

    /**
     * Reads an HTML page or fragment and converts its content to Markdown.
     *
     * @throws UnreadableDocumentException when the page has no text or neither an {@code <h1>} nor a {@code <title>}
     */
    public ImportedDocument fromHtml(String html) {
        Document page = Jsoup.parse(html == null ? "" : html);
        page.select(HtmlLayout.DROPPED).remove();
        if (Text.collapse(page.text()).isEmpty()) {
            throw empty();
        }
        String title = "";
        for (Element h1 : page.body().select("h1")) {
            title = Text.collapse(h1.text());
            if (!title.isEmpty()) {
                h1.remove();
                break;
            }
        }
        if (title.isEmpty()) {
            title = Text.collapse(page.title());
        }
        if (title.isEmpty()) {
            throw new UnreadableDocumentException(
                    "No title found. The page needs a main heading (<h1>) or a <title>.");
        }
        return document(Text.nfc(title), Text.nfc(new HtmlLayout(page.body()).markdown()));
    }

    private static ImportedDocument document(String title, String body) {
        return new ImportedDocument(title, summary(body), body);
    }

    private static UnreadableDocumentException empty() {
        return new UnreadableDocumentException("The document is empty. Paste the article's text and try again.");
    }

    /** The first level-1 heading, else a heading of any level that opens the document. */
    private static Heading titleHeading(org.commonmark.node.Node document) {
        for (var block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading && heading.getLevel() == 1 && !plainText(heading).isEmpty()) {
                return heading;
            }
        }
        return document.getFirstChild() instanceof Heading opening && !plainText(opening).isEmpty()
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

    private static String summary(String markdown) {
        for (var block = MARKDOWN.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Paragraph paragraph) {
                String text = plainText(paragraph);
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

    private static String plainText(org.commonmark.node.Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append(' ');
            }
        });
        return Text.collapse(text.toString());
    }

    /** Whitespace clean-up and Markdown escaping of literal text. */
    private static final class Text {

        private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
        // Zero-width spaces, byte-order marks and control characters are invisible leftovers of copying.
        private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\uFEFF\\p{Cc}&&[^\\t\\n\\r]]");
        private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
        // Line starts that would open a heading, quote, list, thematic break, setext underline or code fence.
        private static final Pattern BLOCK_START = Pattern.compile("^(?:[#>]|[-+](?=\\s|$)|-[-\\s]*$|=+\\s*$|~~~)");
        private static final Pattern ORDERED_START = Pattern.compile("^(\\d{1,9})([.)])(?=\\s|$)");
        private static final Pattern CLOSING_HASHES = Pattern.compile("(^|\\s)(#+)$");

        private Text() {
        }

        static String nfc(String text) {
            return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
        }

        static String withoutByteOrderMark(String text) {
            return text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        }

        /** The lines of a text, each with its whitespace collapsed; blank lines become "". */
        static List<String> lines(String text) {
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\\R", -1)) {
                lines.add(collapse(line));
            }
            return lines;
        }

        /** Text with invisible characters removed and each run of whitespace made one space. */
        static String spaced(String text) {
            return WHITESPACE.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ");
        }

        static String collapse(String text) {
            return spaced(text).strip();
        }

        /** Escapes the characters that would start inline Markdown: emphasis, links, code, HTML, entities. */
        static String inline(String text) {
            StringBuilder escaped = new StringBuilder(text.length() + 16);
            Matcher entity = ENTITY.matcher(text);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ("\\*_[]`<".indexOf(c) >= 0 || c == '&' && entity.region(i, text.length()).lookingAt()) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
            return escaped.toString();
        }

        /** Escapes, in already inline-escaped Markdown, each line start that would open another block. */
        static String lineStarts(String markdown) {
            StringBuilder escaped = new StringBuilder(markdown.length() + 4);
            String[] lines = markdown.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (i > 0) {
                    escaped.append('\n');
                }
                Matcher ordered = ORDERED_START.matcher(line);
                if (BLOCK_START.matcher(line).lookingAt()) {
                    escaped.append('\\').append(line);
                } else if (ordered.lookingAt()) {
                    escaped.append(ordered.group(1)).append('\\').append(line.substring(ordered.group(1).length()));
                } else {
                    escaped.append(line);
                }
            }
            return escaped.toString();
        }

        /** Literal text as the content of a paragraph or list item. */
        static String block(String text) {
            return lineStarts(inline(text));
        }

        /** Heading content, in which trailing #s would otherwise be read as a closing sequence. */
        static String heading(String markdown) {
            return CLOSING_HASHES.matcher(markdown).replaceFirst("$1\\\\$2");
        }
    }

    /** Works out the structure of plain text line by line; see the class description. */
    private static final class PlainTextLayout {

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

        PlainTextLayout(List<String> lines) {
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
                    case HEADING -> markdown.append("## ").append(Text.heading(Text.block(block.text)));
                    case PARAGRAPH -> markdown.append(Text.block(block.text));
                    case BULLET -> markdown.append("- ").append(Text.block(block.text));
                    case NUMBERED -> {
                        number = sameList ? number + 1 : block.number;
                        markdown.append(number).append(". ").append(Text.block(block.text));
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

    /** Converts the content of an HTML body to Markdown blocks. */
    private static final class HtmlLayout {

        static final String DROPPED = "script, style, nav, header, footer, form, iframe, noscript, template";
        private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body",
                "caption", "center", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
                "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section",
                "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");
        private static final Set<String> COMPLEX_CELL_CONTENT = Set.of("blockquote", "h1", "h2", "h3", "h4",
                "h5", "h6", "ol", "pre", "table", "ul");
        private static final String HARD_BREAK = "\\\n";
        private static final Pattern SAFE_LINK = Pattern.compile("^(?:https?|mailto):", Pattern.CASE_INSENSITIVE);
        // Paragraphs and headings are escaped at their line starts, so only a list can start like this.
        private static final Pattern LIST_BLOCK = Pattern.compile("^(?:-|\\d+\\.) ");
        private static final Pattern BACKTICKS = Pattern.compile("`+");

        private final Element body;
        private final int headingShift;
        private boolean inStrong;
        private boolean inEmphasis;

        HtmlLayout(Element body) {
            this.body = body;
            int highest = 6;
            for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) {
                highest = Math.min(highest, level(heading));
            }
            this.headingShift = 2 - highest;
        }

        String markdown() {
            return String.join("\n\n", blocks(body));
        }

        /** The blocks of an element's content: inline runs between block elements become paragraphs. */
        private List<String> blocks(Element parent) {
            List<String> blocks = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            for (Node child : parent.childNodes()) {
                if (child instanceof Element element && isBlock(element)) {
                    paragraphs(run, blocks);
                    block(element, blocks);
                } else {
                    run.append(inline(child));
                }
            }
            paragraphs(run, blocks);
            return blocks;
        }

        private void block(Element element, List<String> blocks) {
            switch (element.normalName()) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    String text = oneLine(children(element));
                    if (!text.isEmpty()) {
                        int level = Math.min(6, level(element) + headingShift);
                        blocks.add("#".repeat(level) + " " + Text.heading(Text.lineStarts(text)));
                    }
                }
                case "ul", "ol" -> {
                    String list = list(element);
                    if (!list.isEmpty()) {
                        blocks.add(list);
                    }
                }
                case "blockquote" -> {
                    List<String> quoted = blocks(element);
                    if (!quoted.isEmpty()) {
                        blocks.add(prefixLines(String.join("\n\n", quoted), "> ", "> "));
                    }
                }
                case "table" -> table(element, blocks);
                case "pre" -> codeBlock(element, blocks);
                case "hr" -> blocks.add("---");
                default -> blocks.addAll(blocks(element));
            }
        }

        /** Splits an inline run into paragraphs where it had two or more line breaks in a row. */
        private static void paragraphs(StringBuilder run, List<String> blocks) {
            String text = run.toString().replaceAll(" {2,}", " ").replaceAll(" ?\\\\\n ?", Matcher.quoteReplacement(HARD_BREAK));
            run.setLength(0);
            for (String paragraph : text.split("(?:\\\\\n){2,}")) {
                String trimmed = paragraph.replaceAll("^(?:\\\\\n| )+|(?:\\\\\n| )+$", "");
                if (!trimmed.isEmpty()) {
                    blocks.add(Text.lineStarts(trimmed));
                }
            }
        }

        private String inline(Node node) {
            if (node instanceof TextNode text) {
                return Text.inline(Text.spaced(text.getWholeText()));
            }
            if (!(node instanceof Element element)) {
                return ""; // comments and the data of dropped elements
            }
            return switch (element.normalName()) {
                case "br" -> HARD_BREAK;
                case "strong", "b" -> strong(element);
                case "em", "i" -> emphasis(element);
                case "a" -> link(element);
                case "code" -> codeSpan(Text.collapse(element.wholeText()));
                default -> children(element);
            };
        }

        private String children(Element element) {
            StringBuilder text = new StringBuilder();
            for (Node child : element.childNodes()) {
                text.append(child instanceof Element inner && isBlock(inner)
                        ? " " + String.join(" ", blocks(inner)) + " "
                        : inline(child));
            }
            return text.toString();
        }

        private String strong(Element element) {
            if (inStrong) {
                return children(element);
            }
            inStrong = true;
            String text = children(element);
            inStrong = false;
            return wrap("**", text);
        }

        private String emphasis(Element element) {
            if (inEmphasis) {
                return children(element);
            }
            inEmphasis = true;
            String text = children(element);
            inEmphasis = false;
            return wrap("*", text);
        }

        /** Puts delimiters around text, leaving its outer spaces outside, where CommonMark needs them. */
        private static String wrap(String delimiter, String text) {
            String core = text.strip();
            if (core.isEmpty()) {
                return text;
            }
            return (text.startsWith(" ") ? " " : "") + delimiter + core + delimiter + (text.endsWith(" ") ? " " : "");
        }

        private String link(Element element) {
            String text = children(element);
            String href = element.attr("href").strip();
            if (text.isBlank() || !SAFE_LINK.matcher(href).lookingAt()) {
                return text;
            }
            String destination = href.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
                    .replace("(", "\\(").replace(")", "\\)");
            return (text.startsWith(" ") ? " " : "") + "[" + text.strip() + "](" + destination + ")"
                    + (text.endsWith(" ") ? " " : "");
        }

        private static String codeSpan(String code) {
            if (code.isEmpty()) {
                return "";
            }
            String fence = "`".repeat(longestBackticks(code) + 1);
            String padding = code.startsWith("`") || code.endsWith("`") ? " " : "";
            return fence + padding + code + padding + fence;
        }

        private static void codeBlock(Element pre, List<String> blocks) {
            String code = pre.wholeText().replaceAll("[ \\t]+(?=\\n|$)", "")
                    .replaceFirst("^\\n+", "").stripTrailing();
            if (!code.isEmpty()) {
                String fence = "`".repeat(Math.max(3, longestBackticks(code) + 1));
                blocks.add(fence + "\n" + code + "\n" + fence);
            }
        }

        private static int longestBackticks(String text) {
            int longest = 0;
            Matcher run = BACKTICKS.matcher(text);
            while (run.find()) {
                longest = Math.max(longest, run.group().length());
            }
            return longest;
        }

        private String list(Element list) {
            boolean ordered = list.normalName().equals("ol");
            int number = ordered && list.attr("start").matches("\\d{1,9}") ? Integer.parseInt(list.attr("start")) : 1;
            List<List<String>> items = new ArrayList<>();
            for (Element child : list.children()) {
                boolean item = child.nameIs("li");
                List<String> content = new ArrayList<>();
                if (item) {
                    content.addAll(blocks(child));
                } else {
                    block(child, content);
                }
                if (content.isEmpty()) {
                    continue;
                }
                if (!item && !items.isEmpty()) {
                    // A list written directly inside a list belongs to the item before it.
                    items.get(items.size() - 1).addAll(content);
                } else {
                    items.add(content);
                }
            }
            List<String> rendered = new ArrayList<>();
            for (List<String> item : items) {
                String marker = ordered ? (number++) + ". " : "- ";
                rendered.add(prefixLines(itemContent(item), marker, " ".repeat(marker.length())));
            }
            return String.join("\n", rendered);
        }

        /** Joins an item's blocks; a nested list follows its text directly so the list stays tight. */
        private static String itemContent(List<String> blocks) {
            StringBuilder content = new StringBuilder(blocks.get(0));
            for (String block : blocks.subList(1, blocks.size())) {
                content.append(LIST_BLOCK.matcher(block).lookingAt() ? "\n" : "\n\n").append(block);
            }
            return content.toString();
        }

        private void table(Element table, List<String> blocks) {
            for (Element child : table.children()) {
                if (child.nameIs("caption")) {
                    blocks.addAll(blocks(child));
                }
            }
            List<List<Element>> rows = new ArrayList<>();
            for (Element row : table.select("tr")) {
                if (row.closest("table") == table) { // rows of a nested table belong to its cell
                    rows.add(row.children().stream().filter(cell -> cell.nameIs("td") || cell.nameIs("th")).toList());
                }
            }
            if (isSimple(rows)) {
                List<String> lines = new ArrayList<>();
                for (List<Element> row : rows) {
                    lines.add(row.stream().map(this::cell).reduce("|", (line, cell) -> line + " " + cell + " |"));
                    if (lines.size() == 1) {
                        lines.add("|" + " --- |".repeat(row.size()));
                    }
                }
                blocks.add(String.join("\n", lines));
            } else {
                for (List<Element> row : rows) {
                    for (Element cell : row) {
                        blocks.addAll(blocks(cell));
                    }
                }
            }
        }

        /** A table is simple enough for a pipe table when it is a plain grid of one-line cells. */
        private static boolean isSimple(List<List<Element>> rows) {
            if (rows.isEmpty() || rows.get(0).isEmpty()) {
                return false;
            }
            for (List<Element> row : rows) {
                if (row.size() != rows.get(0).size()) {
                    return false;
                }
                for (Element cell : row) {
                    boolean spans = !cell.attr("colspan").matches("|1") || !cell.attr("rowspan").matches("|1");
                    boolean complex = cell.getAllElements().stream()
                            .anyMatch(inner -> COMPLEX_CELL_CONTENT.contains(inner.normalName()));
                    if (spans || complex) {
                        return false;
                    }
                }
            }
            return true;
        }

        private String cell(Element cell) {
            return oneLine(String.join(" ", blocks(cell))).replace("|", "\\|");
        }

        private static String oneLine(String markdown) {
            return markdown.replace(HARD_BREAK, " ").replaceAll("\\s+", " ").strip();
        }

        private static int level(Element heading) {
            return heading.normalName().charAt(1) - '0';
        }

        private static boolean isBlock(Element element) {
            return BLOCKS.contains(element.normalName()) || element.getAllElements().stream()
                    .anyMatch(inner -> inner != element && BLOCKS.contains(inner.normalName()));
        }

        /** Prefixes the first line with {@code first} and the others with {@code rest}; blank lines stay bare. */
        private static String prefixLines(String text, String first, String rest) {
            StringBuilder prefixed = new StringBuilder();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String prefix = i == 0 ? first : rest;
                prefixed.append(lines[i].isEmpty() ? prefix.stripTrailing() : prefix + lines[i]);
                if (i < lines.length - 1) {
                    prefixed.append('\n');
                }
            }
            return prefixed.toString();
        }
    }
}
