package org.medpub.cms.workflow.control;

import java.time.Instant;
import java.util.Map;

/**
 * A request to move an article in a locale along the workflow.
 *
 * @param publishAt        for publish: when, or null for now
 * @param checklist        for a sign-off: the checklist items confirmed
 * @param expectedRevision the revision the caller looked at, or null; refused when no longer current
 * @param noReferencesReason for a sign-off of a revision that cites no reference: why none is needed
 * @param confirmedClaimChecks for an approval of a revision with contradicting phrases: the reviewer checked them
 */
public record TransitionCommand(WorkflowAction action, String comment, Instant publishAt, Map<String, Boolean> checklist,
        Integer expectedRevision, String noReferencesReason, boolean confirmedClaimChecks) {

    public TransitionCommand(WorkflowAction action, String comment, Instant publishAt, Map<String, Boolean> checklist,
            Integer expectedRevision, String noReferencesReason) {
        this(action, comment, publishAt, checklist, expectedRevision, noReferencesReason, false);
    }

    public TransitionCommand(WorkflowAction action, String comment, Instant publishAt, Map<String, Boolean> checklist,
            Integer expectedRevision) {
        this(action, comment, publishAt, checklist, expectedRevision, null);
    }
}
