package org.medpub.cms.translation.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Delimited;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.medpub.cms.article.control.MarkdownText;
import org.medpub.cms.translation.control.Inline.Paired;
import org.medpub.cms.translation.control.Inline.Placeholder;
import org.medpub.cms.translation.control.Inline.Text;

/**
 * A Markdown body cut into the blocks a translator translates, and put together again with
 * their translations.
 *
 * <ul>
 * <li>Each heading, paragraph and table cell with words in it is a unit, {@code body-1},
 * {@code body-2}, … in reading order; a paragraph of a list item is a list item, one in a
 * quotation a quote. Code blocks, HTML blocks, rules, link reference definitions and blocks
 * without words stay as they are and are not offered.</li>
 * <li>The Markdown that makes a block what it is ({@code ## }, {@code - }, {@code 1. },
 * {@code > }, the pipes of a table, the indentation of a list item's lines) is not part of the
 * unit: the translation takes the place of the source's words, so the body keeps the source's
 * structure.</li>
 * <li>Inside a block, bold, italics and links become paired codes that wrap words; code spans,
 * images, inline HTML, line breaks, and links whose text cannot change ({@code <https://…>},
 * {@code [label]}) become placeholders.</li>
 * <li>A translation identical to its source keeps the source's Markdown byte for byte. Any
 * other is written afresh: its text escaped so that it reads as typed (by {@link MarkdownText},
 * as the document importers do), bold
 * as {@code **}, italics as {@code *}, every other code exactly as the source wrote it.</li>
 * </ul>
 */
public final class MarkdownSegments {

    private static final Parser MARKDOWN = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private MarkdownSegments() {
    }

    /**
     * One unit of the body and where its words stand in the Markdown.
     *
     * @param start index of the first character of the words in the body
     * @param end index after the last
     */
    public record BodyBlock(TranslationUnit unit, int start, int end, String markdown) {
    }

    /** The translatable blocks of a body, in reading order. */
    public static List<BodyBlock> blocks(String body) {
        List<BodyBlock> blocks = new ArrayList<>();
        collect(MARKDOWN.parse(body), body, blocks);
        return blocks;
    }

    /**
     * The body with the words of each block replaced by its translation; a block without one
     * keeps its source.
     *
     * @param translations by unit id; each as {@link TargetText#tidy tidied}, with the codes of its block's source
     */
    public static String translate(String body, List<BodyBlock> blocks, Map<String, List<Inline>> translations) {
        StringBuilder translated = new StringBuilder(body.length() + body.length() / 4);
        int at = 0;
        for (BodyBlock block : blocks) {
            translated.append(body, at, block.start());
            List<Inline> translation = translations.get(block.unit().id());
            translated.append(translation == null ? block.markdown() : render(block, translation));
            at = block.end();
        }
        return translated.append(body, at, body.length()).toString();
    }

    /** The Markdown of one block's translation. */
    static String render(BodyBlock block, List<Inline> translation) {
        Segment source = block.unit().source();
        if (translation.equals(TargetText.tidy(source.content(), source.codes()))) {
            return block.markdown();
        }
        var writer = new MarkdownWriter(source.codes(), block.unit().kind() == UnitKind.HEADING);
        writer.write(translation);
        return writer.markdown.toString();
    }

    private static void collect(Node parent, String body, List<BodyBlock> blocks) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            UnitKind kind = kindOf(node);
            if (kind != null) {
                block(node, kind, body, "body-" + (blocks.size() + 1)).ifPresent(blocks::add);
            } else {
                // containers: quotations, lists and their items, tables and their rows
                collect(node, body, blocks);
            }
        }
    }

    private static UnitKind kindOf(Node node) {
        if (node instanceof Heading) {
            return UnitKind.HEADING;
        }
        if (node instanceof TableCell) {
            return UnitKind.TABLE_CELL;
        }
        if (node instanceof Paragraph) {
            return node.getParent() instanceof ListItem ? UnitKind.LIST_ITEM
                    : node.getParent() instanceof BlockQuote ? UnitKind.QUOTE
                    : UnitKind.PARAGRAPH;
        }
        return null;
    }

    private static Optional<BodyBlock> block(Node node, UnitKind kind, String body, String id) {
        List<Node> children = children(node);
        if (children.isEmpty()) {
            return Optional.empty();
        }
        var reading = new InlineReading(body, positions(node, body));
        int start = reading.start(children.get(0));
        int end = reading.end(children.get(children.size() - 1));
        Segment segment = new Segment(reading.inlines(children), reading.codes);
        if (!segment.hasText()) {
            return Optional.empty();
        }
        return Optional.of(new BodyBlock(new TranslationUnit(id, kind, segment), start, end, body.substring(start, end)));
    }

    /** The inline children that carry something: the parser leaves empty text where it took spaces off a line's end. */
    private static List<Node> children(Node node) {
        List<Node> children = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof org.commonmark.node.Text text) || !text.getLiteral().isEmpty()) {
                children.add(child);
            }
        }
        return children;
    }

    /**
     * Where the parser's positions inside a block are in the body. They are the same, except in a
     * table cell with an escaped pipe: the parser reads the cell with each {@code \|} made
     * {@code |} and counts its positions in that shorter text.
     */
    private static IntUnaryOperator positions(Node node, String body) {
        if (!(node instanceof TableCell) || node.getSourceSpans().isEmpty()) {
            return IntUnaryOperator.identity();
        }
        SourceSpan cell = node.getSourceSpans().get(0);
        int from = cell.getInputIndex();
        int to = from + cell.getLength();
        if (!body.substring(from, to).contains("\\|")) {
            return IntUnaryOperator.identity();
        }
        return reported -> {
            int actual = from;
            for (int counted = from; counted < reported && actual < to; counted++) {
                actual += body.startsWith("\\|", actual) ? 2 : 1;
            }
            return actual;
        };
    }

    /** Reads the inline content of one block into text and codes, numbering the codes as it meets them. */
    private static final class InlineReading {
        private final String body;
        private final IntUnaryOperator position;
        private final Map<String, InlineCode> codes = new LinkedHashMap<>();

        InlineReading(String body, IntUnaryOperator position) {
            this.body = body;
            this.position = position;
        }

        /** Where a node starts in the body, or -1 for a line break, which the parser gives no position. */
        int start(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            return spans.isEmpty() ? -1 : position.applyAsInt(spans.get(0).getInputIndex());
        }

        int end(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            SourceSpan last = spans.get(spans.size() - 1);
            return position.applyAsInt(last.getInputIndex() + last.getLength());
        }

        List<Inline> inlines(List<Node> nodes) {
            List<Inline> content = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                Node node = nodes.get(i);
                if (node instanceof org.commonmark.node.Text text) {
                    content.add(new Text(text.getLiteral()));
                } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                    content.add(lineBreak(node, nodes.subList(i + 1, nodes.size())));
                } else if (node instanceof Emphasis || node instanceof StrongEmphasis) {
                    Delimited emphasis = (Delimited) node;
                    String id = code(node instanceof Emphasis ? CodeKind.ITALIC : CodeKind.BOLD,
                            emphasis.getOpeningDelimiter(), emphasis.getClosingDelimiter(), "");
                    content.add(new Paired(id, inlines(children(node))));
                } else if (node instanceof Link link && canReword(link)) {
                    List<Node> words = children(link);
                    String id = code(CodeKind.LINK, body.substring(start(link), start(words.get(0))),
                            body.substring(end(words.get(words.size() - 1)), end(link)), "");
                    content.add(new Paired(id, inlines(words)));
                } else {
                    content.add(placeholder(node));
                }
            }
            return content;
        }

        /**
         * A line break stands for the end of its line and the start of the next up to the next
         * words: the two spaces or backslash of a hard break, and the next line's indentation
         * or quotation marks, which belong to the block's structure.
         */
        private Inline lineBreak(Node node, List<Node> following) {
            int next = following.stream().mapToInt(this::start).filter(i -> i >= 0).findFirst().orElse(-1);
            int newline = next < 0 ? -1 : body.lastIndexOf('\n', next - 1);
            if (newline < 0) {
                return new Text(" ");
            }
            int from = newline;
            if (node instanceof HardLineBreak) {
                if (body.charAt(newline - 1) == '\\') {
                    from--;
                } else {
                    while (from > 0 && (body.charAt(from - 1) == ' ' || body.charAt(from - 1) == '\t')) {
                        from--;
                    }
                }
            }
            CodeKind kind = node instanceof HardLineBreak ? CodeKind.LINE_BREAK : CodeKind.SOFT_BREAK;
            return new Placeholder(code(kind, body.substring(from, next), null, ""));
        }

        /**
         * A link's text can be translated when the link names its target itself: not an address
         * in angle brackets, and not a reference whose label is the text ({@code [label]},
         * {@code [label][]}).
         */
        private boolean canReword(Link link) {
            List<Node> words = children(link);
            if (words.isEmpty() || start(words.get(0)) < 0 || start(words.get(words.size() - 1)) < 0
                    || body.charAt(start(link)) != '[') {
                return false;
            }
            String closing = body.substring(end(words.get(words.size() - 1)), end(link));
            return !closing.equals("]") && !closing.equals("][]");
        }

        private Placeholder placeholder(Node node) {
            String markup = body.substring(start(node), end(node));
            String id;
            if (node instanceof Code code) {
                id = code(CodeKind.CODE, markup, null, code.getLiteral());
            } else if (node instanceof Image) {
                id = code(CodeKind.IMAGE, markup, null, Segment.words(inlinesOf(node)));
            } else if (node instanceof Link) {
                id = code(CodeKind.FIXED_LINK, markup, null, Segment.words(inlinesOf(node)));
            } else {
                id = code(CodeKind.HTML, markup, null, markup);
            }
            return new Placeholder(id);
        }

        /** The words of a node that becomes one placeholder, read apart so that its parts get no codes of their own. */
        private List<Inline> inlinesOf(Node node) {
            return new InlineReading(body, position).inlines(children(node));
        }

        private String code(CodeKind kind, String markup, String closing, String display) {
            String id = Integer.toString(codes.size() + 1);
            codes.put(id, new InlineCode(id, kind, markup, closing, display));
            return id;
        }
    }

    /** Writes a changed translation of one block as Markdown. */
    private static final class MarkdownWriter {
        private final StringBuilder markdown = new StringBuilder();
        private final Map<String, InlineCode> codes;
        private final boolean heading;
        private boolean lineStart = true;

        MarkdownWriter(Map<String, InlineCode> codes, boolean heading) {
            this.codes = codes;
            this.heading = heading;
        }

        void write(List<Inline> content) {
            for (int i = 0; i < content.size(); i++) {
                Inline item = content.get(i);
                if (item instanceof Text text) {
                    boolean beforeBreak = i + 1 < content.size() && content.get(i + 1) instanceof Placeholder next
                            && codes.get(next.id()).kind().isBreak();
                    words(text.text(), beforeBreak);
                } else if (item instanceof Placeholder placeholder) {
                    InlineCode code = codes.get(placeholder.id());
                    markup(code.markup());
                    lineStart = code.kind().isBreak();
                } else if (item instanceof Paired paired) {
                    InlineCode code = codes.get(paired.id());
                    String delimiter = switch (code.kind()) {
                        case BOLD -> "**";
                        case ITALIC -> "*";
                        default -> null;
                    };
                    markup(delimiter != null ? delimiter : code.markup());
                    lineStart = false;
                    write(paired.content());
                    markdown.append(delimiter != null ? delimiter : code.closing());
                    lineStart = false;
                }
            }
        }

        private void markup(String markup) {
            // "!" right before a link's "[" would make the link an image
            int last = markdown.length() - 1;
            if (markup.startsWith("[") && last >= 0 && markdown.charAt(last) == '!') {
                markdown.insert(last, '\\');
            }
            markdown.append(markup);
        }

        private void words(String text, boolean beforeBreak) {
            // spaces at a line's start are lost, and two at its end would make a hard break
            String words = lineStart ? text.stripLeading() : text;
            words = beforeBreak ? words.stripTrailing() : words;
            if (words.isEmpty()) {
                return;
            }
            String line = MarkdownText.inline(words);
            // "(" right after a link's "]" would make the link point elsewhere
            if (line.startsWith("(") && markdown.length() > 0 && markdown.charAt(markdown.length() - 1) == ']') {
                line = "\\" + line;
            }
            if (heading) {
                line = MarkdownText.headingEnd(line);
            }
            if (lineStart) {
                line = MarkdownText.lineStart(line);
            }
            markdown.append(line);
            lineStart = false;
        }
    }
}
