package org.medpub.cms.workflow.entity;

/** What a medical reviewer decided about one revision. */
public enum ReviewDecision {
    /** Approved for publication, with the checklist confirmed. */
    APPROVED,
    /** Sent back to the author with a comment. */
    REJECTED,
    /** The live revision reviewed again at its re-review date and found still correct. */
    REAPPROVED;

    public boolean signsOff() {
        return this != REJECTED;
    }
}
