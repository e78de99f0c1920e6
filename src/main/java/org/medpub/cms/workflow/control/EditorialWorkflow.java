package org.medpub.cms.workflow.control;

import static org.medpub.cms.workflow.entity.WorkflowState.APPROVED;
import static org.medpub.cms.workflow.entity.WorkflowState.ARCHIVED;
import static org.medpub.cms.workflow.entity.WorkflowState.DRAFT;
import static org.medpub.cms.workflow.entity.WorkflowState.IN_REVIEW;
import static org.medpub.cms.workflow.entity.WorkflowState.PUBLISHED;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.workflow.entity.WorkflowState;

/**
 * The editorial workflow of every article in every locale, in one table:
 * {@code draft → submit → in_review → approve → approved → publish → published}, with reject,
 * unpublish, archive and the periodic re-approval of what is live. A new state (say, legal
 * review) is a new {@link org.medpub.cms.workflow.entity.WorkflowState} and a few rows here.
 * <p>
 * Saving a new revision always returns the variant to draft: an approval belongs to the
 * revision it was given for.
 */
public final class EditorialWorkflow {

    public static final String SUBMIT = "submit";
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String PUBLISH = "publish";
    public static final String UNPUBLISH = "unpublish";
    public static final String ARCHIVE = "archive";
    public static final String REAPPROVE = "reapprove";

    private static final Set<String> WRITERS = Set.of(Role.AUTHOR, Role.TRANSLATOR, Role.ADMIN);
    private static final Set<String> REVIEWERS = Set.of(Role.MEDICAL_REVIEWER, Role.ADMIN);
    private static final Set<String> EDITORS = Set.of(Role.EDITOR, Role.ADMIN);

    private static final List<TransitionRule> RULES = List.of(
            new TransitionRule(SUBMIT, Set.of(DRAFT), IN_REVIEW, WRITERS, false, false, false),
            new TransitionRule(APPROVE, Set.of(IN_REVIEW), APPROVED, REVIEWERS, false, false, true),
            // a reviewer also sends back what is live when its re-review finds it wanting
            new TransitionRule(REJECT, Set.of(IN_REVIEW, PUBLISHED), DRAFT, REVIEWERS, true, false, false),
            new TransitionRule(PUBLISH, Set.of(APPROVED), PUBLISHED, EDITORS, false, false, false),
            new TransitionRule(UNPUBLISH, Set.of(PUBLISHED), DRAFT, EDITORS, false, true, false),
            // a newer draft keeps its place in the workflow when the live revision is taken down
            new TransitionRule(UNPUBLISH, Set.of(DRAFT, IN_REVIEW, APPROVED), null, EDITORS, false, true, false),
            new TransitionRule(ARCHIVE, Set.of(DRAFT, IN_REVIEW, APPROVED, PUBLISHED), ARCHIVED, EDITORS, false, false, false),
            new TransitionRule(REAPPROVE, Set.of(PUBLISHED, DRAFT, IN_REVIEW, APPROVED), null, REVIEWERS, false, true, true));

    private EditorialWorkflow() {
    }

    public static boolean knows(String action) {
        return RULES.stream().anyMatch(r -> r.action().equals(action));
    }

    /** The rule for taking this action from this state, if the workflow has one. */
    public static Optional<TransitionRule> rule(String action, WorkflowState from) {
        return RULES.stream().filter(r -> r.action().equals(action) && r.startsFrom(from)).findFirst();
    }

    /** The roles that may take an action, from whichever state. */
    public static Set<String> roles(String action) {
        return RULES.stream().filter(r -> r.action().equals(action)).findFirst()
                .map(TransitionRule::roles).orElse(Set.of());
    }

    public static List<TransitionRule> rules() {
        return RULES;
    }
}
