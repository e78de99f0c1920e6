package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTextTest {

    // The reader pages' parser: CommonMark with GFM tables.
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** Typed text that means something in Markdown, alone, inside a line and on a following line. */
    @ParameterizedTest
    @ValueSource(strings = {"\\", "`", "*", "_", "[", "]", "<", "|", "&", "#", ">", "-", "+", "=", "~", "!", "(", ")",
        "# heading", "#", "###### six", "> quote", "- item", "+ item", "* item", "-", "---", "- - -", "***", "___", "===",
        "~~~", "~~~~ fence", "```", "```java", "1. one", "1) one", "123456789. nine", "<b>bold</b>", "<!-- comment -->",
        "<div>", "<https://example.org>", "&amp;", "&#35;", "&#x23;", "&copy;", "*emphasis*", "_emphasis_", "**strong**",
        "[link](https://example.org)", "![image](x.png)", "[label]: /url", "`code`", "a\\", "a | b", "| a | b |",
        "|---|---|", "--- | ---", "C# and F#", "3.5 mg", "-3 °C", "a * b * c", "snake_case_name", "R&D", "x<y>z"})
    void typedTextReadsAsTypedAfterCommonMarkParsing(String typed) {
        assertParagraphOf(typed, typed);
        assertParagraphOf("Before " + typed + " after", "Before " + typed + " after");
        assertParagraphOf(typed + " after", typed + " after");
        // On a second line, text may interrupt the paragraph, underline it as a heading or make it a table.
        assertParagraphOf("First line\n" + typed, "First line\n" + typed);
        assertParagraphOf("a | b\n" + typed, "a | b\n" + typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C#", "a #", "a ##", "#", "x # y", "a # ", "# a #", "a \\#", "Stage 2 #1"})
    void headingTextKeepsItsHashes(String typed) {
        Node document = PARSER.parse("## " + MarkdownText.headingEnd(MarkdownText.block(typed)));

        Heading heading = assertInstanceOf(Heading.class, document.getFirstChild());
        assertEquals(typed.strip(), plainText(heading));
        assertNull(heading.getNext());
    }

    @Test
    void escapesWhatWouldBeMarkupAndNothingElse() {
        String[][] typedAndMarkdown = {
            {"# a", "\\# a"},
            {"a # b", "a # b"},
            {"> a", "\\> a"},
            {"a > b", "a > b"},
            {"- a", "\\- a"},
            {"a - b", "a - b"},
            {"-a", "-a"},
            {"---", "\\---"},
            {"+ a", "\\+ a"},
            {"+1", "+1"},
            {"===", "\\==="},
            {"a = b", "a = b"},
            {"~~~", "\\~~~"},
            {"~ a", "~ a"},
            {"1. a", "1\\. a"},
            {"2) a", "2\\) a"},
            {"3.5 mg", "3.5 mg"},
            {"1.a", "1.a"},
            {"* a *", "\\* a \\*"},
            {"_a_", "\\_a\\_"},
            {"[a]", "\\[a\\]"},
            {"`a`", "\\`a\\`"},
            {"<b>", "\\<b>"},
            {"a | b", "a \\| b"},
            {"a \\ b", "a \\\\ b"},
            {"&amp;", "\\&amp;"},
            {"R&D", "R&D"},
            {"!", "!"},
        };
        for (String[] pair : typedAndMarkdown) {
            assertEquals(pair[1], MarkdownText.block(pair[0]), pair[0]);
        }
    }

    @Test
    void escapesOnlyTheHashesThatWouldCloseAHeading() {
        assertEquals("Types \\#", MarkdownText.headingEnd("Types #"));
        assertEquals("C#", MarkdownText.headingEnd("C#"));
        assertEquals("a \\## ", MarkdownText.headingEnd("a ## "));
        assertEquals("a # b", MarkdownText.headingEnd("a # b"));
    }

    private static void assertParagraphOf(String typed, String expected) {
        String markdown = MarkdownText.block(typed);
        Node document = PARSER.parse(markdown);

        assertInstanceOf(Document.class, document);
        Paragraph paragraph = assertInstanceOf(Paragraph.class, document.getFirstChild(), markdown);
        assertNull(paragraph.getNext(), markdown);
        assertEquals(expected, plainText(paragraph), markdown);
    }

    /** The text a reader sees: literal text only, a soft line break as a line feed; any other node fails. */
    private static String plainText(Node block) {
        StringBuilder text = new StringBuilder();
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text literal) {
                text.append(literal.getLiteral());
            } else if (child instanceof SoftLineBreak) {
                text.append('\n');
            } else {
                throw new AssertionError("markup in the text: " + child);
            }
        }
        return text.toString();
    }
}
