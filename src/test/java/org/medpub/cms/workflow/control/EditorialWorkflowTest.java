package org.medpub.cms.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.CHANGES_WHAT_READERS_SEE;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.CONCERNS_LIVE;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.KEEPS_STATE;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.NEEDS_COMMENT;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.SIGNS_OFF;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.TELLS_AUTHOR;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.TELLS_EDITORS;
import static org.medpub.cms.workflow.control.TransitionRule.Flag.TELLS_REVIEWERS;
import static org.medpub.cms.article.entity.WorkflowState.APPROVED;
import static org.medpub.cms.article.entity.WorkflowState.ARCHIVED;
import static org.medpub.cms.article.entity.WorkflowState.DRAFT;
import static org.medpub.cms.article.entity.WorkflowState.IN_REVIEW;
import static org.medpub.cms.article.entity.WorkflowState.PUBLISHED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.workflow.control.TransitionRule.Flag;

/** The workflow table, row by row, as the README states it. */
class EditorialWorkflowTest {

    private static final Set<String> WRITERS = Set.of(Role.AUTHOR, Role.TRANSLATOR, Role.ADMIN);
    private static final Set<String> REVIEWERS = Set.of(Role.MEDICAL_REVIEWER, Role.ADMIN);
    private static final Set<String> EDITORS = Set.of(Role.EDITOR, Role.ADMIN);

    /** Every row: action, from-states, to-state (null: stays), roles, flags. */
    private static final List<TransitionRule> EXPECTED = List.of(
            new TransitionRule(WorkflowAction.SUBMIT, Set.of(DRAFT), IN_REVIEW, WRITERS, Set.of(TELLS_REVIEWERS)),
            new TransitionRule(WorkflowAction.APPROVE, Set.of(IN_REVIEW), APPROVED, REVIEWERS,
                    Set.of(SIGNS_OFF, TELLS_EDITORS)),
            new TransitionRule(WorkflowAction.REJECT, Set.of(IN_REVIEW, PUBLISHED), DRAFT, REVIEWERS,
                    Set.of(NEEDS_COMMENT, TELLS_AUTHOR)),
            new TransitionRule(WorkflowAction.PUBLISH, Set.of(APPROVED), PUBLISHED, EDITORS,
                    Set.of(CHANGES_WHAT_READERS_SEE)),
            new TransitionRule(WorkflowAction.UNPUBLISH, Set.of(PUBLISHED), DRAFT, EDITORS,
                    Set.of(CONCERNS_LIVE, CHANGES_WHAT_READERS_SEE)),
            new TransitionRule(WorkflowAction.UNPUBLISH, Set.of(DRAFT, IN_REVIEW, APPROVED), null, EDITORS,
                    Set.of(KEEPS_STATE, CONCERNS_LIVE, CHANGES_WHAT_READERS_SEE)),
            new TransitionRule(WorkflowAction.ARCHIVE, Set.of(DRAFT, IN_REVIEW, APPROVED, PUBLISHED), ARCHIVED, EDITORS,
                    Set.of(CHANGES_WHAT_READERS_SEE)),
            new TransitionRule(WorkflowAction.REAPPROVE, Set.of(PUBLISHED, DRAFT, IN_REVIEW, APPROVED), null, REVIEWERS,
                    Set.of(KEEPS_STATE, CONCERNS_LIVE, SIGNS_OFF, CHANGES_WHAT_READERS_SEE)),
            new TransitionRule(WorkflowAction.RESTORE, Set.of(ARCHIVED), DRAFT, EDITORS, Set.of()),
            new TransitionRule(WorkflowAction.WITHDRAW, Set.of(PUBLISHED), DRAFT, Set.of(),
                    Set.of(CONCERNS_LIVE, CHANGES_WHAT_READERS_SEE)),
            new TransitionRule(WorkflowAction.WITHDRAW, Set.of(DRAFT, IN_REVIEW, APPROVED), null, Set.of(),
                    Set.of(KEEPS_STATE, CONCERNS_LIVE, CHANGES_WHAT_READERS_SEE)));

    @Test
    void everyActionsFromStatesToStateRolesAndFlagsAreTheTablesRows() {
        assertEquals(EXPECTED, EditorialWorkflow.rules());
    }

    @Test
    void everyActionHasARuleAndNoTwoRulesOfAnActionStartFromOneState() {
        for (WorkflowAction action : WorkflowAction.values()) {
            for (WorkflowState state : WorkflowState.values()) {
                long rules = EditorialWorkflow.rules().stream()
                        .filter(rule -> rule.action() == action && rule.startsFrom(state)).count();
                assertTrue(rules <= 1, action + " from " + state + " has " + rules + " rules");
            }
            assertTrue(EditorialWorkflow.rules().stream().anyMatch(rule -> rule.action() == action), action + " has no rule");
        }
    }

    @Test
    void anArchivedArticleTakesNoStepButRestore() {
        for (WorkflowAction action : WorkflowAction.values()) {
            assertEquals(action == WorkflowAction.RESTORE, EditorialWorkflow.rule(action, ARCHIVED).isPresent(),
                    action + " from archived");
        }
        assertEquals(DRAFT, EditorialWorkflow.rule(WorkflowAction.RESTORE, ARCHIVED).orElseThrow().target(ARCHIVED));
    }

    @Test
    void theRuleForAStepIsFoundByActionAndState() {
        TransitionRule unpublishLive = EditorialWorkflow.rule(WorkflowAction.UNPUBLISH, PUBLISHED).orElseThrow();
        assertEquals(DRAFT, unpublishLive.target(PUBLISHED));
        assertFalse(unpublishLive.keepsState());

        TransitionRule unpublishUnderNewerDraft = EditorialWorkflow.rule(WorkflowAction.UNPUBLISH, IN_REVIEW).orElseThrow();
        assertEquals(IN_REVIEW, unpublishUnderNewerDraft.target(IN_REVIEW));
        assertTrue(unpublishUnderNewerDraft.keepsState());

        assertEquals(APPROVED, EditorialWorkflow.rule(WorkflowAction.REAPPROVE, APPROVED).orElseThrow().target(APPROVED));
        assertTrue(EditorialWorkflow.rule(WorkflowAction.SUBMIT, IN_REVIEW).isEmpty());
        assertTrue(EditorialWorkflow.rule(WorkflowAction.PUBLISH, DRAFT).isEmpty());
    }

    @Test
    void theFlagsReadAsTheirNamesSay() {
        TransitionRule reapprove = EditorialWorkflow.rule(WorkflowAction.REAPPROVE, PUBLISHED).orElseThrow();
        assertTrue(reapprove.keepsState() && reapprove.concernsLive() && reapprove.signsOff()
                && reapprove.changesWhatReadersSee());
        assertFalse(reapprove.needsComment() || reapprove.tellsAnyone());

        TransitionRule reject = EditorialWorkflow.rule(WorkflowAction.REJECT, PUBLISHED).orElseThrow();
        assertTrue(reject.needsComment() && reject.tellsAuthor() && reject.tellsAnyone());
        // a re-review that sends the live revision back leaves it live
        assertFalse(reject.changesWhatReadersSee() || reject.concernsLive() || reject.signsOff());

        assertTrue(EditorialWorkflow.rule(WorkflowAction.SUBMIT, DRAFT).orElseThrow().tellsReviewers());
        assertTrue(EditorialWorkflow.rule(WorkflowAction.APPROVE, IN_REVIEW).orElseThrow().tellsEditors());
    }

    @Test
    void exactlyThePublishingStepsChangeWhatReadersSee() {
        Set<WorkflowAction> changing = EnumSet.noneOf(WorkflowAction.class);
        EditorialWorkflow.rules().stream().filter(TransitionRule::changesWhatReadersSee)
                .forEach(rule -> changing.add(rule.action()));
        assertEquals(EnumSet.of(WorkflowAction.PUBLISH, WorkflowAction.UNPUBLISH, WorkflowAction.ARCHIVE,
                WorkflowAction.REAPPROVE, WorkflowAction.WITHDRAW), changing);
    }

    @Test
    void aStepTellsAtMostOneKindOfPerson() {
        for (TransitionRule rule : EditorialWorkflow.rules()) {
            long told = rule.flags().stream()
                    .filter(flag -> flag == TELLS_REVIEWERS || flag == TELLS_AUTHOR || flag == TELLS_EDITORS).count();
            assertTrue(told <= 1, rule.toString());
        }
    }

    @Test
    void aRuleNamesItsTargetExactlyWhenItDoesNotKeepTheState() {
        assertThrows(IllegalArgumentException.class, () -> new TransitionRule(WorkflowAction.SUBMIT, Set.of(DRAFT), null,
                WRITERS, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new TransitionRule(WorkflowAction.SUBMIT, Set.of(DRAFT),
                IN_REVIEW, WRITERS, Set.of(Flag.KEEPS_STATE)));
    }

    @Test
    void aCallerAsksForAnActionByItsLowerCaseKey() {
        for (WorkflowAction action : List.of(WorkflowAction.SUBMIT, WorkflowAction.APPROVE, WorkflowAction.REJECT,
                WorkflowAction.PUBLISH, WorkflowAction.UNPUBLISH, WorkflowAction.ARCHIVE, WorkflowAction.REAPPROVE,
                WorkflowAction.RESTORE)) {
            assertEquals(action, EditorialWorkflow.requested(action.key()));
        }
        assertEquals(List.of("submit", "approve", "reject", "publish", "unpublish", "archive", "reapprove", "restore",
                "withdraw"),
                Arrays.stream(WorkflowAction.values()).map(WorkflowAction::key).toList());
    }

    @Test
    void anUnknownActionTheProductsOwnStepAndAnotherSpellingAreNoWorkflowAction() {
        for (String key : List.of("fly", "withdraw", "SUBMIT", "Submit", "")) {
            var refused = assertThrows(BusinessException.InvalidInput.class, () -> EditorialWorkflow.requested(key), key);
            assertEquals(400, refused.status());
            assertEquals("action", refused.errors().get(0).field());
            assertEquals("'" + key + "' is not a workflow action", refused.getMessage());
        }
    }

    @Test
    void theRolesOfAnActionAreTheRolesOfItsRules() {
        assertEquals(WRITERS, EditorialWorkflow.roles(WorkflowAction.SUBMIT));
        assertEquals(REVIEWERS, EditorialWorkflow.roles(WorkflowAction.APPROVE));
        assertEquals(REVIEWERS, EditorialWorkflow.roles(WorkflowAction.REJECT));
        assertEquals(REVIEWERS, EditorialWorkflow.roles(WorkflowAction.REAPPROVE));
        assertEquals(EDITORS, EditorialWorkflow.roles(WorkflowAction.PUBLISH));
        assertEquals(EDITORS, EditorialWorkflow.roles(WorkflowAction.UNPUBLISH));
        assertEquals(EDITORS, EditorialWorkflow.roles(WorkflowAction.ARCHIVE));
        assertEquals(EDITORS, EditorialWorkflow.roles(WorkflowAction.RESTORE));
        assertEquals(Set.of(), EditorialWorkflow.roles(WorkflowAction.WITHDRAW));
        for (WorkflowAction action : WorkflowAction.values()) {
            EditorialWorkflow.rules().stream().filter(rule -> rule.action() == action)
                    .forEach(rule -> assertEquals(EditorialWorkflow.roles(action), rule.roles(), rule.toString()));
        }
    }
}
