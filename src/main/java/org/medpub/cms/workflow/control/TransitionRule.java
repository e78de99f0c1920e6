package org.medpub.cms.workflow.control;

import java.util.Set;
import org.medpub.cms.workflow.entity.WorkflowState;

/**
 * One step of the editorial workflow, as data: the action's name, the states it may start from,
 * the state it leads to ({@code null}: the state stays as it is), the roles that may take it,
 * and what it asks of the caller.
 *
 * @param needsLive the step concerns the revision readers see, so there must be one
 * @param signsOff  the step is a medical sign-off: checklist confirmed and four eyes enforced
 */
public record TransitionRule(String action, Set<WorkflowState> from, WorkflowState to, Set<String> roles,
        boolean commentRequired, boolean needsLive, boolean signsOff) {

    public boolean startsFrom(WorkflowState state) {
        return from.contains(state);
    }

    public WorkflowState target(WorkflowState current) {
        return to == null ? current : to;
    }
}
