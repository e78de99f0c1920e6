package org.medpub.cms.workflow.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import org.medpub.cms.workflow.control.EditorialWorkflow;
import org.medpub.cms.workflow.control.TransitionCommand;

/**
 * The body of {@code POST …/transitions}.
 *
 * @param action    the {@link org.medpub.cms.workflow.control.WorkflowAction#key() key} of the step: {@code submit},
 *                  {@code approve}, …; any other is a 400 problem naming {@code action}
 * @param publishAt for {@code publish}: an ISO date-time with offset; absent, or past by at most
 *                  {@code cms.schedule.past-tolerance}, means now; at most {@code cms.schedule.horizon} ahead
 *                  (see {@link org.medpub.cms.workflow.control.PublicationWindow})
 * @param checklist for {@code approve} and {@code reapprove}: every checklist item set to true
 * @param revision  optional: the revision the caller looked at; 409 when another was saved since
 * @param noReferencesReason for {@code approve} and {@code reapprove} of a revision that cites no reference: why
 *                  none is needed; without it the sign-off is a 409 problem {@code references-missing}
 * @param confirmedClaimChecks for {@code approve} of a revision that contains contradicting phrases of reviewed
 *                  statements: true when the reviewer checked them; without it a 409 problem
 *                  {@code contradicting-phrase-unconfirmed} naming the phrases
 */
public record TransitionRequest(
        @NotBlank String action,
        @Size(max = 4000) String comment,
        OffsetDateTime publishAt,
        Map<String, Boolean> checklist,
        @Positive Integer revision,
        @Size(max = 4000) String noReferencesReason,
        Boolean confirmedClaimChecks) {

    TransitionCommand command() {
        return new TransitionCommand(EditorialWorkflow.requested(action.strip()), comment,
                publishAt == null ? null : publishAt.toInstant(), checklist, revision, noReferencesReason,
                Boolean.TRUE.equals(confirmedClaimChecks));
    }
}
