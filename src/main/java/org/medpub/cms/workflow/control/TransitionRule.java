package org.medpub.cms.workflow.control;

import java.util.Set;
import org.medpub.cms.article.entity.WorkflowState;

/**
 * One step of the editorial workflow, as data: the action, the states it may start from, the
 * state it leads to ({@code null} exactly when it {@link Flag#KEEPS_STATE keeps the state}), the
 * roles that may take it (none: only the product takes it), and what else it means, as named
 * flags.
 */
public record TransitionRule(WorkflowAction action, Set<WorkflowState> from, WorkflowState to, Set<String> roles,
        Set<Flag> flags) {

    /** What a step asks of the caller and what it means for the rest of the product. */
    public enum Flag {
        /** The state stays as it is. */
        KEEPS_STATE,
        /** The step concerns the revision readers see, so there must be one. */
        CONCERNS_LIVE,
        /** A medical sign-off: the checklist confirmed, four eyes enforced, a review recorded. */
        SIGNS_OFF,
        /** Refused without a comment saying what must change. */
        NEEDS_COMMENT,
        /** Readers see another revision, none, or a new review date afterwards: rendered pages are stale. */
        CHANGES_WHAT_READERS_SEE,
        /** The assigned medical reviewer, else every medical reviewer, is told to review. */
        TELLS_REVIEWERS,
        /** The author of the revision is told what to change. */
        TELLS_AUTHOR,
        /** The editors are told that it may be published. */
        TELLS_EDITORS
    }

    public TransitionRule {
        from = Set.copyOf(from);
        roles = Set.copyOf(roles);
        flags = Set.copyOf(flags);
        if ((to == null) != flags.contains(Flag.KEEPS_STATE)) {
            throw new IllegalArgumentException(action + ": a rule names the state it leads to unless it keeps the state");
        }
    }

    public boolean startsFrom(WorkflowState state) {
        return from.contains(state);
    }

    public WorkflowState target(WorkflowState current) {
        return keepsState() ? current : to;
    }

    public boolean keepsState() {
        return flags.contains(Flag.KEEPS_STATE);
    }

    public boolean concernsLive() {
        return flags.contains(Flag.CONCERNS_LIVE);
    }

    public boolean signsOff() {
        return flags.contains(Flag.SIGNS_OFF);
    }

    public boolean needsComment() {
        return flags.contains(Flag.NEEDS_COMMENT);
    }

    public boolean changesWhatReadersSee() {
        return flags.contains(Flag.CHANGES_WHAT_READERS_SEE);
    }

    public boolean tellsReviewers() {
        return flags.contains(Flag.TELLS_REVIEWERS);
    }

    public boolean tellsAuthor() {
        return flags.contains(Flag.TELLS_AUTHOR);
    }

    public boolean tellsEditors() {
        return flags.contains(Flag.TELLS_EDITORS);
    }

    /** Someone must act next and is told so. */
    public boolean tellsAnyone() {
        return tellsReviewers() || tellsAuthor() || tellsEditors();
    }
}
