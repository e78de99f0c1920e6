package org.medpub.cms.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.workflow.entity.AuditEvent;

/** The notes of the audit trail are read back as they were written, so that screens can put them in words. */
class AuditTrailTest {

    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");

    private static AuditEvent line(String action, String comment) {
        return new AuditEvent(7, "en", 1, action, WorkflowState.APPROVED, WorkflowState.APPROVED, "editor", AT, comment);
    }

    @Test
    void aScheduleGivesItsTimeAndTheCommentAfterIt() {
        assertEquals(new AuditTrail.Note(AT, null, null), AuditTrail.note(line("schedule", AuditTrail.scheduleNote(AT, null))));
        assertEquals(new AuditTrail.Note(AT, null, "for the campaign: week 49"),
                AuditTrail.note(line("schedule", AuditTrail.scheduleNote(AT, "for the campaign: week 49"))));
        assertEquals(new AuditTrail.Note(AT, null, null), AuditTrail.note(line("unschedule", AuditTrail.scheduleNote(AT, null))));
        assertEquals(new AuditTrail.Note(AT, null, null),
                AuditTrail.note(line("publish", AuditTrail.publishedAsScheduledNote(AT))));
    }

    @Test
    void aSignOffWithoutReferencesGivesTheReasonAndTheCommentAfterIt() {
        assertEquals(new AuditTrail.Note(null, null, "Sound: well written", "a checklist, nothing to cite"),
                AuditTrail.note(line("approve", AuditTrail.signOffNote("a checklist, nothing to cite", "Sound: well written"))));
        assertEquals(new AuditTrail.Note(null, null, null, "nothing to cite"),
                AuditTrail.note(line("reapprove", AuditTrail.signOffNote("nothing to cite", null))));
        assertEquals(new AuditTrail.Note(null, null, "Sound."), AuditTrail.note(line("approve", AuditTrail.signOffNote(null, "Sound."))));
    }

    @Test
    void anAssignmentGivesTheReviewer() {
        assertEquals(new AuditTrail.Note(null, "reviewer", null),
                AuditTrail.note(line("assign", AuditTrail.assignmentNote("reviewer"))));
        assertEquals(new AuditTrail.Note(null, null, null), AuditTrail.note(line("assign", AuditTrail.assignmentNote(null))));
    }

    @Test
    void anyOtherNoteIsAllComment() {
        assertEquals(new AuditTrail.Note(null, null, "to publish at noon"), AuditTrail.note(line("schedule", "to publish at noon")));
        assertEquals(new AuditTrail.Note(null, null, "to publish at " + AT), AuditTrail.note(line("reject", "to publish at " + AT)));
        assertEquals(new AuditTrail.Note(null, null, "first draft"), AuditTrail.note(line("save", "first draft")));
        assertEquals(new AuditTrail.Note(null, null, null), AuditTrail.note(line("save", null)));
    }
}
