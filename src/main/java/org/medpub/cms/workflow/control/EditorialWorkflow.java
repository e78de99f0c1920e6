package org.medpub.cms.workflow.control;

import static org.medpub.cms.workflow.control.TransitionRule.Flag.CHANGES_WHAT_READERS_SEE;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.CONCERNS_LIVE;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.KEEPS_STATE;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.NEEDS_COMMENT;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.SIGNS_OFF;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.TELLS_AUTHOR;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.TELLS_EDITORS;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.TELLS_REVIEWERS;
import static org.medpub.cms.workflow.control.WorkflowAction.APPROVE;
import static org.medpub.cms.workflow.control.WorkflowAction.ARCHIVE;
import static org.medpub.cms.workflow.control.WorkflowAction.PUBLISH;
import static org.medpub.cms.workflow.control.WorkflowAction.REAPPROVE;
import static org.medpub.cms.workflow.control.WorkflowAction.REJECT;
import static org.medpub.cms.workflow.control.WorkflowAction.RESTORE;
import static org.medpub.cms.workflow.control.WorkflowAction.SUBMIT;
import static org.medpub.cms.workflow.control.WorkflowAction.UNPUBLISH;
import static org.medpub.cms.workflow.control.WorkflowAction.WITHDRAW;
import static org.medpub.cms.article.entity.WorkflowState.APPROVED;
import static org.medpub.cms.article.entity.WorkflowState.ARCHIVED;
import static org.medpub.cms.article.entity.WorkflowState.DRAFT;
import static org.medpub.cms.article.entity.WorkflowState.IN_REVIEW;
import static org.medpub.cms.article.entity.WorkflowState.PUBLISHED;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.entity.Role;

/**
 * The editorial workflow of every article in every locale, in one table:
 * {@code draft → submit → in_review → approve → approved → publish → published}, with reject,
 * unpublish, archive and restore, the periodic re-approval of what is live, and the product's own withdrawal
 * of an outdated translation. A new state (say, legal review) is a new
 * {@link org.medpub.cms.article.entity.WorkflowState} and a few rows here.
 * <p>
 * Saving a new revision always returns the variant to draft: an approval belongs to the
 * revision it was given for.
 */
public final class EditorialWorkflow {

    private static final Set<String> WRITERS = Set.of(Role.AUTHOR, Role.TRANSLATOR, Role.ADMIN);
    private static final Set<String> REVIEWERS = Set.of(Role.MEDICAL_REVIEWER, Role.ADMIN);
    private static final Set<String> EDITORS = Set.of(Role.EDITOR, Role.ADMIN);
    private static final Set<String> NOBODY = Set.of();

    private static final List<TransitionRule> RULES = List.of(
            new TransitionRule(SUBMIT, Set.of(DRAFT), IN_REVIEW, WRITERS, Set.of(TELLS_REVIEWERS)),
            new TransitionRule(APPROVE, Set.of(IN_REVIEW), APPROVED, REVIEWERS, Set.of(SIGNS_OFF, TELLS_EDITORS)),
            // a reviewer also sends back what is live when its re-review finds it wanting; it stays live
            new TransitionRule(REJECT, Set.of(IN_REVIEW, PUBLISHED), DRAFT, REVIEWERS, Set.of(NEEDS_COMMENT, TELLS_AUTHOR)),
            new TransitionRule(PUBLISH, Set.of(APPROVED), PUBLISHED, EDITORS, Set.of(CHANGES_WHAT_READERS_SEE)),
            new TransitionRule(UNPUBLISH, Set.of(PUBLISHED), DRAFT, EDITORS, Set.of(CONCERNS_LIVE, CHANGES_WHAT_READERS_SEE)),
            // a newer draft keeps its place in the workflow when the live revision is taken down
            new TransitionRule(UNPUBLISH, Set.of(DRAFT, IN_REVIEW, APPROVED), null, EDITORS,
                    Set.of(KEEPS_STATE, CONCERNS_LIVE, CHANGES_WHAT_READERS_SEE)),
            new TransitionRule(ARCHIVE, Set.of(DRAFT, IN_REVIEW, APPROVED, PUBLISHED), ARCHIVED, EDITORS,
                    Set.of(CHANGES_WHAT_READERS_SEE)),
            // the reader page shows the date of the last sign-off
            new TransitionRule(REAPPROVE, Set.of(PUBLISHED, DRAFT, IN_REVIEW, APPROVED), null, REVIEWERS,
                    Set.of(KEEPS_STATE, CONCERNS_LIVE, SIGNS_OFF, CHANGES_WHAT_READERS_SEE)),
            // archiving took what readers saw off line, so a restored article starts again as a draft
            new TransitionRule(RESTORE, Set.of(ARCHIVED), DRAFT, EDITORS, Set.of()),
            new TransitionRule(WITHDRAW, Set.of(PUBLISHED), DRAFT, NOBODY, Set.of(CONCERNS_LIVE, CHANGES_WHAT_READERS_SEE)),
            new TransitionRule(WITHDRAW, Set.of(DRAFT, IN_REVIEW, APPROVED), null, NOBODY,
                    Set.of(KEEPS_STATE, CONCERNS_LIVE, CHANGES_WHAT_READERS_SEE)));

    private EditorialWorkflow() {
    }

    /**
     * The action a caller asks for by its key; one that no role may take (the product's own) is
     * no workflow action to a caller.
     */
    public static WorkflowAction requested(String key) {
        return Arrays.stream(WorkflowAction.values())
                .filter(action -> action.key().equals(key) && !roles(action).isEmpty())
                .findFirst()
                .orElseThrow(() -> new BusinessException.InvalidInput("action", "'" + key + "' is not a workflow action"));
    }

    /** The rule for taking this action from this state, if the workflow has one. */
    public static Optional<TransitionRule> rule(WorkflowAction action, WorkflowState from) {
        return RULES.stream().filter(r -> r.action() == action && r.startsFrom(from)).findFirst();
    }

    /** The roles that may take an action, from whichever state. */
    public static Set<String> roles(WorkflowAction action) {
        return RULES.stream().filter(r -> r.action() == action).findFirst()
                .map(TransitionRule::roles).orElse(Set.of());
    }

    /** Whether this person's roles allow the action at all, whatever the state; the state is the table's other half. */
    public static boolean mayTake(Actor actor, WorkflowAction action) {
        return actor.holdsAnyOf(roles(action));
    }

    public static List<TransitionRule> rules() {
        return RULES;
    }
}
