package org.medpub.cms.article.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.medpub.cms.article.entity.ArticleFields;

/**
 * Reads an HTML page or fragment and converts its content to Markdown.
 *
 * <p>The title is the first {@code <h1>} of the page outside its header and navigation, else its
 * {@code <title>}. Headings, paragraphs,
 * lists (also nested), bold, italics, line breaks, quotations and simple tables are converted;
 * the headings are shifted so that the article's own start at level 2. Links are kept only when
 * they point to a web page (http, https) or an e-mail address; other links keep just their text.
 * Scripts, styles, navigation, page headers and footers, forms and embedded frames are left out;
 * any other element keeps its text, escaped with {@link MarkdownText}.
 *
 * <p>The summary is the page's lead paragraph when it marks one: the first {@code <p class="lead">}
 * or {@code <p class="standfirst">}, if no heading comes before it and its text fits a summary
 * ({@link ArticleFields#SUMMARY_MAX} characters). It is taken out of the body, so that the reader
 * page does not show it twice; its text is kept, its links and emphasis are not. A longer lead
 * stays in the body and the summary is left empty, never cut.
 */
final class HtmlImport {

    /**
     * Reads an HTML page or fragment and converts its content to Markdown.
     *
     * @throws UnreadableDocumentException when the page has no text or neither an {@code <h1>} nor a {@code <title>}
     */
    ImportedDocument read(String html) {
        Document page = Jsoup.parse(html == null ? "" : html);
        page.select(Layout.DROPPED).remove();
        if (PastedText.collapse(page.text()).isEmpty()) {
            throw UnreadableDocumentException.empty();
        }
        String title = "";
        for (Element h1 : page.body().select("h1")) {
            title = PastedText.collapse(h1.text());
            if (!title.isEmpty()) {
                h1.remove();
                break;
            }
        }
        if (title.isEmpty()) {
            title = PastedText.collapse(page.title());
        }
        if (title.isEmpty()) {
            throw new UnreadableDocumentException(
                    "No title found. The page needs a main heading (<h1>) or a <title>.");
        }
        String lead = lead(page.body());
        return new ImportedDocument(PastedText.nfc(title), lead, PastedText.nfc(new Layout(page.body()).markdown()));
    }

    /** The lead paragraph's text, taken out of the body; empty when the page marks none before its first heading. */
    private static String lead(Element body) {
        Element first = body.selectFirst("h1, h2, h3, h4, h5, h6, p.lead, p.standfirst");
        if (first == null || !first.nameIs("p")) {
            return "";
        }
        String text = PastedText.nfc(PastedText.collapse(first.text()));
        if (text.isEmpty() || text.length() > ArticleFields.SUMMARY_MAX) {
            return "";
        }
        first.remove();
        return text;
    }

    /** Converts the content of an HTML body to Markdown blocks. */
    private static final class Layout {

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

        Layout(Element body) {
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
                        blocks.add("#".repeat(level) + " " + MarkdownText.headingEnd(MarkdownText.lineStarts(text)));
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
                    blocks.add(MarkdownText.lineStarts(trimmed));
                }
            }
        }

        private String inline(Node node) {
            if (node instanceof TextNode text) {
                return MarkdownText.inline(PastedText.spaced(text.getWholeText()));
            }
            if (!(node instanceof Element element)) {
                return ""; // comments and the data of dropped elements
            }
            return switch (element.normalName()) {
                case "br" -> HARD_BREAK;
                case "strong", "b" -> strong(element);
                case "em", "i" -> emphasis(element);
                case "a" -> link(element);
                case "code" -> codeSpan(PastedText.collapse(element.wholeText()));
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
