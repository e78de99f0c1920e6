package org.medpub.cms.admin.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medpub.cms.article.control.RevisionComparison;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.workflow.control.AuditTrail;
import org.medpub.cms.workflow.control.EditorialWorkflow;
import org.medpub.cms.workflow.control.ReviewChecklist;
import org.medpub.cms.workflow.control.TransitionCommand;
import org.medpub.cms.workflow.control.Transitions;
import org.medpub.cms.workflow.control.WorkflowAction;
import org.medpub.cms.workflow.entity.AuditEvent;

/**
 * The workflow of the open article's locale: the steps the user may take, the review checklist
 * with the changes since the live revision, scheduled publishing and the audit trail.
 */
@Named("workflow")
@ViewScoped
public class WorkflowPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OpenArticle open;

    @Inject
    Transitions transitions;

    @Inject
    AuditTrail auditTrail;

    @Inject
    ReviewChecklist checklist;

    @Inject
    RevisionComparison comparison;

    @Inject
    Caller caller;

    @Inject
    Words words;

    @Inject
    UiLanguage language;

    @Inject
    Refusals refusals;

    private String comment;
    private String publishAt;
    private final Map<String, Boolean> checked = new LinkedHashMap<>();

    private List<Differences.Field> reviewChanges;
    private String reviewChangesOf;

    public boolean may(WorkflowAction action) {
        WorkflowState state = open.getState();
        return state != null && EditorialWorkflow.rule(action, state)
                .filter(rule -> !rule.concernsLive() || open.getLiveRevision() != null)
                .isPresent() && EditorialWorkflow.mayTake(caller.actor(), action);
    }

    public void submit() {
        perform(WorkflowAction.SUBMIT, null, null);
    }

    public void approve() {
        perform(WorkflowAction.APPROVE, null, Map.copyOf(checked));
    }

    public void reject() {
        perform(WorkflowAction.REJECT, null, null);
    }

    public void publishNow() {
        perform(WorkflowAction.PUBLISH, null, null);
    }

    public void publishLater() {
        try {
            perform(WorkflowAction.PUBLISH, LocalDateTime.parse(publishAt).toInstant(ZoneOffset.UTC), null);
        } catch (DateTimeParseException | NullPointerException unreadable) {
            Notices.error("workflow:publishAt", words.text("publish.atLabel") + ": " + words.text("refusal.publishAt.unreadable"),
                    words.text("refusal.publishAt.unreadable"));
        }
    }

    public void unpublish() {
        perform(WorkflowAction.UNPUBLISH, null, null);
    }

    public void archive() {
        perform(WorkflowAction.ARCHIVE, null, null);
    }

    private void perform(WorkflowAction action, Instant at, Map<String, Boolean> confirmed) {
        try {
            var outcome = transitions.perform(open.getArticleId(), open.getLocale(),
                    new TransitionCommand(action, comment, at, confirmed, open.getBaseRevision()), caller.actor());
            comment = null;
            refresh();
            Notices.info(outcome.scheduled() != null
                    ? words.with("publish.scheduled", "at", outcome.scheduled().getPublishAt())
                    : words.text("WorkflowState." + open.getState().name()));
        } catch (BusinessException refused) {
            refusals.show(refused, FormFields.workflow(checklist.keys()));
        }
    }

    /** After a save or a step: the variant is read again and the checklist starts empty. */
    void refresh() {
        open.refresh();
        checked.clear();
    }

    /** Four eyes, told before the click: the user wrote or edited what is in review. */
    public boolean isFourEyes() {
        WorkflowState state = open.getState();
        if (state != WorkflowState.IN_REVIEW) {
            return false;
        }
        return open.once("fourEyes", () -> transitions.wroteOrEdited(caller.name(),
                EditorialWorkflow.rule(WorkflowAction.APPROVE, state).orElseThrow(),
                open.variant().orElseThrow().getCurrent()));
    }

    public List<ReviewChecklist.Item> getChecklistItems() {
        return checklist.items(language.getLocale());
    }

    /**
     * What the reviewer is asked to sign off: the changes since the revision readers see (or
     * everything). Kept for the two revisions compared, as a long article's comparison may take
     * up to its time budget and the view posts back many times.
     */
    public List<Differences.Field> getReviewChanges() {
        ArticleVariant variant = open.variant().orElseThrow();
        String compared = variant.getLive().map(live -> live.getId() + ">").orElse(">") + variant.getCurrent().getId();
        if (!compared.equals(reviewChangesOf)) {
            RevisionContent live = variant.getLive().map(Revision::content).orElse(Differences.NOTHING);
            reviewChanges = Differences.of(comparison.compare(live, variant.getCurrent().content()));
            reviewChangesOf = compared;
        }
        return reviewChanges;
    }

    public List<AuditEvent> getAuditTrail() {
        return open.getArticleId() == null ? List.of()
                : open.once("auditTrail", () -> auditTrail.history(open.getArticleId(), open.getLocale()));
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(String publishAt) {
        this.publishAt = publishAt;
    }

    public Map<String, Boolean> getChecked() {
        return checked;
    }
}
