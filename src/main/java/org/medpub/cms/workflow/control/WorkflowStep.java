package org.medpub.cms.workflow.control;

import java.util.List;
import java.util.Map;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.BusinessException.FieldError;

/**
 * A step {@link Transitions} was asked to take, checked before anything changes: who may take
 * it, from which state, on which revision, with what comment and checklist. The checks read
 * plain objects only; the one fact from the database, whether the actor wrote what they would
 * sign off, is passed in.
 *
 * @param rule      the workflow's rule for the action from the variant's state
 * @param concerned the revision the step concerns: the live one, or the current one
 * @param comment   the caller's comment, stripped, or null when blank
 */
public record WorkflowStep(TransitionRule rule, Revision concerned, String comment) {

    /** Refuses an actor who holds none of the roles that may take the action (403). */
    static void requireRole(WorkflowAction action, Actor actor) {
        if (!EditorialWorkflow.mayTake(actor, action)) {
            throw new BusinessException.Forbidden("To " + action.key() + " you need one of the roles "
                    + String.join(", ", EditorialWorkflow.roles(action)));
        }
    }

    /**
     * The step the command asks of the variant as it is now; refused when the workflow has no
     * such step from its state (409), another revision was saved since the caller looked (409),
     * readers see nothing the step could concern (409), or a comment the step needs is missing (400).
     */
    static WorkflowStep of(TransitionCommand command, ArticleVariant variant) {
        var from = variant.getState();
        TransitionRule rule = EditorialWorkflow.rule(command.action(), from)
                .orElseThrow(() -> new BusinessException.Conflict("transition-not-allowed",
                        "Cannot " + command.action().key() + " an article that is " + from.key()));
        int current = variant.getCurrent().getNumber();
        if (command.expectedRevision() != null && command.expectedRevision() != current) {
            throw new BusinessException.Conflict("revision-changed", "Revision " + current
                    + " was saved after revision " + command.expectedRevision() + "; look at it first");
        }
        if (rule.concernsLive() && variant.getLive().isEmpty()) {
            throw new BusinessException.Conflict("nothing-published",
                    "Readers see no revision of this article in " + variant.getLocale());
        }
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        if (rule.needsComment() && comment == null) {
            throw new BusinessException.InvalidInput(new FieldError("comment", "Say what needs to change")
                    .worded("review.commentRequired", Map.of()));
        }
        return new WorkflowStep(rule, rule.concernsLive() ? variant.getLive().orElseThrow() : variant.getCurrent(), comment);
    }

    /**
     * Refuses a sign-off by someone who wrote or edited what they would sign off (four eyes, 403),
     * or with any item of the review checklist unconfirmed or unknown (400).
     */
    static void checkSignOff(boolean wroteOrEdited, Map<String, Boolean> confirmed, List<String> checklist) {
        if (wroteOrEdited) {
            throw new BusinessException.Forbidden("You wrote or edited this revision: another medical reviewer must "
                    + "approve it (four eyes)");
        }
        Map<String, Boolean> given = confirmed == null ? Map.of() : confirmed;
        List<String> missing = checklist.stream().filter(key -> !Boolean.TRUE.equals(given.get(key))).toList();
        if (!missing.isEmpty()) {
            throw new BusinessException.InvalidInput("Confirm every item of the review checklist: "
                    + String.join(", ", missing),
                    missing.stream().map(key -> new FieldError("checklist." + key, "not confirmed")
                            .worded("refusal.checklist.notConfirmed", Map.of())).toList());
        }
        List<String> unknown = given.keySet().stream().filter(key -> !checklist.contains(key)).toList();
        if (!unknown.isEmpty()) {
            throw new BusinessException.InvalidInput("The checklist has no item " + String.join(", ", unknown),
                    unknown.stream().map(key -> new FieldError("checklist." + key, "unknown item")).toList());
        }
    }
}
