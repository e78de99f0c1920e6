package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.medpub.cms.translation.control.Inline.Paired;
import org.medpub.cms.translation.control.Inline.Placeholder;
import org.medpub.cms.translation.control.Inline.Text;
import org.medpub.cms.translation.control.MarkdownSegments.BodyBlock;

class MarkdownSegmentsTest {

    static final String BODY = """
            ## What a migraine is

            A migraine is a **moderate or severe** headache, often with *nausea*.

            - Take `ibuprofen` early
            - Read the [guideline](https://example.org/migraine "Guideline") first
              and rest

            1. Lie down
            2) Drink water

            > Seek help if the headache
            > is sudden and severe.

            | Sign | What to do |
            | --- | --- |
            | Aura | Take the *first* dose |
            | Pipe \\| here | See ![chart](chart.png) |

            ```
            code stays
            ```

            ---

            Setext heading
            ==============

            Line one\\
            line two  \s
            line three""";

    @Test
    void aBodyIsCutIntoBlocksWithoutTheMarkdownThatMakesThemBlocks() {
        List<BodyBlock> blocks = MarkdownSegments.blocks(BODY);

        assertEquals(List.of("body-1", "body-2", "body-3", "body-4", "body-5", "body-6", "body-7", "body-8", "body-9",
                "body-10", "body-11", "body-12", "body-13", "body-14", "body-15"), blocks.stream().map(b -> b.unit().id()).toList());
        assertEquals(List.of(UnitKind.HEADING, UnitKind.PARAGRAPH, UnitKind.LIST_ITEM, UnitKind.LIST_ITEM,
                UnitKind.LIST_ITEM, UnitKind.LIST_ITEM, UnitKind.QUOTE, UnitKind.TABLE_CELL, UnitKind.TABLE_CELL,
                UnitKind.TABLE_CELL, UnitKind.TABLE_CELL, UnitKind.TABLE_CELL, UnitKind.TABLE_CELL, UnitKind.HEADING, UnitKind.PARAGRAPH),
                blocks.stream().map(b -> b.unit().kind()).toList());
        assertEquals(List.of("What a migraine is",
                "A migraine is a moderate or severe headache, often with nausea.",
                "Take early", "Read the guideline first and rest", "Lie down", "Drink water",
                "Seek help if the headache is sudden and severe.", "Sign", "What to do", "Aura", "Take the first dose",
                "Pipe | here", "See", "Setext heading", "Line one line two line three"),
                blocks.stream().map(b -> Segment.words(b.unit().source().content())).toList());
        assertEquals("What a migraine is", blocks.get(0).markdown(), "the ## stays out");
        assertEquals("Read the [guideline](https://example.org/migraine \"Guideline\") first\n  and rest",
                blocks.get(3).markdown());
        assertEquals("Pipe \\| here", blocks.get(11).markdown());
    }

    @Test
    void formattingBecomesInlineCodesThatStandForItsMarkdown() {
        Segment paragraph = MarkdownSegments.blocks(BODY).get(1).unit().source();
        assertEquals(List.of(new Text("A migraine is a "), new Paired("1", List.of(new Text("moderate or severe"))),
                new Text(" headache, often with "), new Paired("2", List.of(new Text("nausea"))), new Text(".")),
                paragraph.content());
        assertEquals(new InlineCode("1", CodeKind.BOLD, "**", "**", ""), paragraph.codes().get("1"));
        assertEquals(new InlineCode("2", CodeKind.ITALIC, "*", "*", ""), paragraph.codes().get("2"));

        Segment link = MarkdownSegments.blocks(BODY).get(3).unit().source();
        assertEquals(List.of(new Text("Read the "), new Paired("1", List.of(new Text("guideline"))), new Text(" first"),
                new Placeholder("2"), new Text("and rest")), link.content());
        assertEquals(new InlineCode("1", CodeKind.LINK, "[", "](https://example.org/migraine \"Guideline\")", ""),
                link.codes().get("1"));
        assertEquals(new InlineCode("2", CodeKind.SOFT_BREAK, "\n  ", null, ""), link.codes().get("2"),
                "a wrapped line stands for the list item's indentation too");

        Segment code = MarkdownSegments.blocks(BODY).get(2).unit().source();
        assertEquals(new InlineCode("1", CodeKind.CODE, "`ibuprofen`", null, "ibuprofen"), code.codes().get("1"));
        Segment image = MarkdownSegments.blocks(BODY).get(12).unit().source();
        assertEquals(new InlineCode("1", CodeKind.IMAGE, "![chart](chart.png)", null, "chart"), image.codes().get("1"));
        Segment breaks = MarkdownSegments.blocks(BODY).get(14).unit().source();
        assertEquals(List.of(CodeKind.LINE_BREAK, CodeKind.LINE_BREAK),
                breaks.codes().values().stream().map(InlineCode::kind).toList());
        assertEquals("\\\n", breaks.codes().get("1").markup());
        assertEquals("   \n", breaks.codes().get("2").markup());
    }

    @Test
    void linksWhoseTextCannotChangeAreKeptWhole() {
        Segment segment = MarkdownSegments.blocks("See <https://example.org> or [the guide] and [page][guide].\n\n"
                + "[the guide]: https://example.org/guide\n[guide]: https://example.org/g").get(0).unit().source();

        assertEquals(List.of(CodeKind.FIXED_LINK, CodeKind.FIXED_LINK, CodeKind.LINK),
                segment.codes().values().stream().map(InlineCode::kind).toList());
        assertEquals("[the guide]", segment.codes().get("2").markup());
        assertEquals("][guide]", segment.codes().get("3").closing());
    }

    @Test
    void blocksWithoutWordsAreNotOffered() {
        assertEquals(List.of("body-1"), MarkdownSegments.blocks("![only an image](x.png)\n\n`only code`\n\nWords\n\n<div>html</div>")
                .stream().map(b -> b.unit().id()).toList());
    }

    @Test
    void aTranslationIdenticalToItsSourceKeepsTheMarkdownByteForByte() {
        List<BodyBlock> blocks = MarkdownSegments.blocks(BODY);
        Map<String, List<Inline>> same = new HashMap<>();
        blocks.forEach(b -> same.put(b.unit().id(), TargetText.tidy(b.unit().source().content(), b.unit().source().codes())));

        assertEquals(BODY, MarkdownSegments.translate(BODY, blocks, same));
    }

    @Test
    void aChangedTranslationIsWrittenInTheSourcesStructure() {
        List<BodyBlock> blocks = MarkdownSegments.blocks(BODY);
        Map<String, List<Inline>> spanish = new HashMap<>();
        Map<String, String> words = Map.ofEntries(Map.entry("What a migraine is", "Qué es una migraña"),
                Map.entry("A migraine is a ", "Una migraña es un dolor de cabeza "),
                Map.entry("moderate or severe", "moderado o intenso"),
                Map.entry(" headache, often with ", ", a menudo con "), Map.entry("nausea", "náuseas"),
                Map.entry("Read the ", "Lea la "), Map.entry("guideline", "guía"), Map.entry(" first", " primero"),
                Map.entry("and rest", "y descanse"));
        blocks.subList(0, 4).forEach(b -> spanish.put(b.unit().id(),
                translated(b.unit().source().content(), text -> words.getOrDefault(text, text))));

        String body = MarkdownSegments.translate(BODY, blocks, spanish);

        assertEquals("""
                ## Qué es una migraña

                Una migraña es un dolor de cabeza **moderado o intenso**, a menudo con *náuseas*.

                - Take `ibuprofen` early
                - Lea la [guía](https://example.org/migraine "Guideline") primero
                  y descanse
                """, body.substring(0, body.indexOf("\n1. ")));
    }

    @Test
    void changedTextIsEscapedSoThatItReadsAsTyped() {
        String body = "## Title\n\n- item\n\nParagraph with **bold** text\nand a wrapped line\n\n| a | b |\n| --- | --- |\n| c | d |";
        List<BodyBlock> blocks = MarkdownSegments.blocks(body);
        String[] typed = {"# 5 * 3 = _x_ #", "1. not a list [x](y) <b>", "+ 2 `code` &amp; \\ | ! ", "- dash",
                "4) four", "cell | with [pipe]", "> not a quote"};
        Map<String, List<Inline>> targets = new HashMap<>();
        targets.put("body-1", List.of(new Text(typed[0])));
        targets.put("body-2", List.of(new Text(typed[1])));
        targets.put("body-3", List.of(new Text(typed[2]), new Paired("1", List.of(new Text(typed[3]))),
                new Placeholder("2"), new Text(typed[4])));
        targets.put("body-4", List.of(new Text(typed[5])));
        targets.put("body-5", List.of(new Text(typed[6])));
        targets.put("body-6", List.of(new Text("=")));
        targets.put("body-7", List.of(new Text("~~~")));

        List<BodyBlock> again = MarkdownSegments.blocks(MarkdownSegments.translate(body, blocks, targets));

        assertEquals(blocks.stream().map(b -> b.unit().kind()).toList(), again.stream().map(b -> b.unit().kind()).toList());
        assertEquals(List.of(typed[0], typed[1], typed[2].strip() + " " + typed[3] + " " + typed[4], typed[5], typed[6],
                "=", "~~~"), again.stream().map(b -> Segment.words(b.unit().source().content())).toList());
        assertEquals(List.of(CodeKind.BOLD, CodeKind.SOFT_BREAK),
                again.get(2).unit().source().codes().values().stream().map(InlineCode::kind).toList());
    }

    @Test
    void anExclamationMarkBeforeALinkDoesNotMakeItAnImage() {
        String body = "Read [this](https://example.org).";
        List<BodyBlock> blocks = MarkdownSegments.blocks(body);

        String translated = MarkdownSegments.translate(body, blocks, Map.of("body-1",
                List.of(new Text("¡Lea!"), new Paired("1", List.of(new Text("esto"))), new Text("."))));

        assertEquals("¡Lea\\![esto](https://example.org).", translated);
    }

    static List<Inline> translated(List<Inline> content, UnaryOperator<String> words) {
        return content.stream().map(item -> item instanceof Text text ? new Text(words.apply(text.text()))
                : item instanceof Paired paired ? new Paired(paired.id(), translated(paired.content(), words))
                : item).toList();
    }
}
