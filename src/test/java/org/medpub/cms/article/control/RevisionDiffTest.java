package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.control.RevisionDiff.Operation;
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
                null, false, null);
        var after = new RevisionContent("T", "t", "s", "b", List.of("a", "c"), List.of(new Reference("Ref", null, null, "2")),
                "note", true, null);

        var fields = RevisionDiff.compare(before, after);

        assertEquals(List.of("title", "slug", "summary", "body", "topics", "references"),
                fields.stream().map(RevisionDiff.FieldDiff::field).toList());
        assertTrue(fields.get(4).changed());
        assertTrue(fields.get(5).changed());
        assertFalse(fields.get(0).changed());
    }
}
