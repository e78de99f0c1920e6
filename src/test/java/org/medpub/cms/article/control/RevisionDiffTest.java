package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.control.RevisionDiff.Budget;
import org.medpub.cms.article.control.RevisionDiff.FieldDiff;
import org.medpub.cms.article.control.RevisionDiff.Operation;
import org.medpub.cms.article.control.RevisionDiff.Precision;
import org.medpub.cms.article.control.RevisionDiff.Segment;
import org.medpub.cms.article.entity.Reference;
import org.medpub.cms.article.entity.RevisionContent;

class RevisionDiffTest {

    @Test
    void neighbouringChangedWordsReadAsOneChange() {
        var diff = RevisionDiff.field("body", "Take two tablets daily.", "Take one tablet daily.");

        assertEquals(List.of(
                new Segment(Operation.EQUAL, "Take "),
                new Segment(Operation.DELETE, "two tablets"),
                new Segment(Operation.INSERT, "one tablet"),
                new Segment(Operation.EQUAL, " daily.")), diff.segments());
        assertTrue(diff.changed());
    }

    @Test
    void changesApartStayApart() {
        var diff = RevisionDiff.field("body", "Rest and drink water, then rest.", "Sleep and drink water, then walk.");

        assertEquals(List.of(
                new Segment(Operation.DELETE, "Rest"),
                new Segment(Operation.INSERT, "Sleep"),
                new Segment(Operation.EQUAL, " and drink water, then "),
                new Segment(Operation.DELETE, "rest"),
                new Segment(Operation.INSERT, "walk"),
                new Segment(Operation.EQUAL, ".")), diff.segments());
    }

    @Test
    void anUnchangedFieldIsOneEqualSegment() {
        var diff = RevisionDiff.field("title", "Migräne verstehen", "Migräne verstehen");

        assertFalse(diff.changed());
        assertEquals(List.of(new Segment(Operation.EQUAL, "Migräne verstehen")), diff.segments());
    }

    @Test
    void everyFieldIsCompared() {
        var before = new RevisionContent("T", "t", "s", "b", List.of("a"), List.of(new Reference("Ref", null, null, "1")),
                null, false, null, false);
        var after = new RevisionContent("T", "t", "s", "b", List.of("a", "c"), List.of(new Reference("Ref", null, null, "2")),
                "note", true, null, false);

        var fields = RevisionDiff.compare(before, after);

        assertEquals(List.of("title", "slug", "summary", "body", "topics", "references"),
                fields.stream().map(RevisionDiff.FieldDiff::field).toList());
        assertTrue(fields.get(4).changed());
        assertTrue(fields.get(5).changed());
        assertFalse(fields.get(0).changed());
    }

    @Test
    void item2_twoUnrelated200kRevisionsAreComparedWithinTheBudget() {
        var budget = new Budget(1_000_000, Duration.ofSeconds(2));
        for (int lineLength : new int[] {80, 0}) {
            String before = text(new Random(1), 200_000, lineLength);
            String after = text(new Random(2), 200_000, lineLength);
            var fields = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> RevisionDiff.compare(
                    content(before), content(after), budget));
            FieldDiff body = fields.get(3);
            assertTrue(body.changed());
            assertTrue(body.precision() != Precision.WORDS || body.segments().size() > 2, body.precision()::toString);
            assertTrueAccount(before, after, body);
        }
    }

    @Test
    void item2_oneWordChangedInA200kArticleIsFoundWordByWordAtOnce() {
        for (int lineLength : new int[] {80, 0}) {
            String text = text(new Random(3), 200_000, lineLength);
            int middle = text.indexOf(' ', 100_000) + 1;
            String after = text.substring(0, middle) + "paracetamol " + text.substring(middle);
            var body = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> RevisionDiff.compare(
                    content(text), content(after)).get(3));
            assertEquals(Precision.WORDS, body.precision());
            assertEquals(List.of(Operation.EQUAL, Operation.INSERT, Operation.EQUAL),
                    body.segments().stream().map(Segment::op).toList());
            assertEquals("paracetamol", body.segments().get(1).text().strip());
            assertTrueAccount(text, after, body);
        }
    }

    @Test
    void item2_beyondTheLongestTextsTheChangeIsOneBlock() {
        var budget = new Budget(100, Duration.ofSeconds(2));
        String before = "Same start. " + "x ".repeat(50) + "Same end.";
        String after = "Same start. " + "y ".repeat(50) + "Same end.";

        var body = RevisionDiff.compare(content(before), content(after), budget).get(3);

        assertEquals(Precision.BLOCK, body.precision());
        assertEquals(List.of(new Segment(Operation.EQUAL, "Same start. "),
                new Segment(Operation.DELETE, "x ".repeat(50).strip()),
                new Segment(Operation.INSERT, "y ".repeat(50).strip()),
                new Segment(Operation.EQUAL, " Same end.")), body.segments());
    }

    @Test
    void item2_whenTheTimeIsUpTheAnswerIsCoarserButTrue() {
        String before = text(new Random(4), 50_000, 80);
        String after = text(new Random(5), 50_000, 80);

        var body = RevisionDiff.compare(content(before), content(after), new Budget(1_000_000, Duration.ZERO)).get(3);

        assertEquals(Precision.BLOCK, body.precision());
        assertTrueAccount(before, after, body);
    }

    @Test
    void aLongArticleIsComparedLineByLineThenWordByWordInTheChangedLines() {
        String before = text(new Random(6), 30_000, 60);
        List<String> lines = before.lines().collect(Collectors.toList());
        lines.set(10, lines.get(10).replaceFirst("\\S+", "ibuprofen"));
        lines.remove(200);
        String after = String.join("\n", lines) + "\n";

        var body = RevisionDiff.compare(content(before), content(after)).get(3);

        assertEquals(Precision.WORDS, body.precision());
        assertTrueAccount(before, after, body);
        assertTrue(body.segments().stream().anyMatch(s -> s.op() == Operation.INSERT && s.text().equals("ibuprofen")),
                body.segments()::toString);
    }

    /** The segments tell the whole truth: the old text is what was kept and deleted, the new one what was kept and inserted. */
    private static void assertTrueAccount(String before, String after, FieldDiff diff) {
        assertEquals(before, diff.segments().stream().filter(s -> s.op() != Operation.INSERT).map(Segment::text)
                .collect(Collectors.joining()));
        assertEquals(after, diff.segments().stream().filter(s -> s.op() != Operation.DELETE).map(Segment::text)
                .collect(Collectors.joining()));
        assertNotEquals(List.of(), diff.segments());
    }

    private static RevisionContent content(String body) {
        return new RevisionContent("T", "t", "s", body, List.of(), List.of(), null, false, null, false);
    }

    /** Random words of a small vocabulary, a line break after about every {@code lineLength} characters (0: one line). */
    private static String text(Random random, int length, int lineLength) {
        String[] words = {"dose", "tablet", "migraine", "risk", "daily", "child", "adult", "pain", "fever", "water",
                "rest", "sleep", "doctor", "take", "avoid", "with", "food", "after", "before", "week"};
        StringBuilder text = new StringBuilder(length + 20);
        int line = 0;
        while (text.length() < length) {
            String word = words[random.nextInt(words.length)];
            text.append(word);
            line += word.length() + 1;
            if (lineLength > 0 && line >= lineLength) {
                text.append(".\n");
                line = 0;
            } else {
                text.append(' ');
            }
        }
        return text.toString();
    }
}
