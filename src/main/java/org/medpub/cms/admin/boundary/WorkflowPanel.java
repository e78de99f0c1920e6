package org.medpub.cms.admin.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medpub.cms.article.control.Readability;
import org.medpub.cms.article.control.RevisionComparison;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.site.boundary.SiteAddress;
import org.medpub.cms.workflow.control.AuditTrail;
import org.medpub.cms.workflow.control.EditorialWorkflow;
import org.medpub.cms.workflow.control.MedicalReviews;
import org.medpub.cms.workflow.control.PreviewLink;
import org.medpub.cms.workflow.control.PreviewLinks;
import org.medpub.cms.workflow.control.ReReviews;
import org.medpub.cms.workflow.control.ReviewChecklist;
import org.medpub.cms.workflow.control.TransitionCommand;
import org.medpub.cms.article.control.Statements;
import org.medpub.cms.workflow.control.Transitions;
import org.medpub.cms.workflow.control.WorkflowAction;
import org.medpub.cms.workflow.entity.MedicalReview;
import org.medpub.cms.workflow.entity.ReviewDecision;
import org.medpub.cms.workflow.entity.ScheduledPublication;

/**
 * The workflow of the open article's locale: the steps the user may take (each asked of the
 * workflow table or the permissions, never decided here), the review checklist with the changes
 * since the revision last reviewed, the reviewer's request for changes, the assignment, preview
 * links, scheduled publishing and the audit trail.
 */
@Named("workflow")
@ViewScoped
public class WorkflowPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the reviewer is shown: the changes from one revision (null: from nothing) to the one under review. */
    public record Comparison(Integer from, String heading, int to, List<Differences.Field> changes) implements Serializable {
    }

    /** A preview link made in this view, to copy and open. */
    public record MadeLink(String url, Instant expiresAt, int revision) implements Serializable {
    }

    /** Someone the review may be assigned to. */
    public record Assignee(String username, String name) {
    }

    @Inject
    OpenArticle open;

    @Inject
    Transitions transitions;

    @Inject
    AuditTrail auditTrail;

    @Inject
    AuditLines auditLines;

    @Inject
    MedicalReviews reviews;

    @Inject
    ReReviews reReviews;

    @Inject
    ReviewChecklist checklist;

    @Inject
    RevisionComparison comparison;

    @Inject
    PreviewLinks previewLinks;

    @Inject
    SiteAddress siteAddress;

    @Inject
    HttpServletRequest request;

    @Inject
    Caller caller;

    @Inject
    Readability readability;

    @Inject
    Words words;

    @Inject
    UiLanguage language;

    @Inject
    Refusals refusals;

    @Inject
    Statements statements;

    @Inject
    TimeZoneChoice timeZone;

    private String comment;
    private String noReferencesReason;
    private boolean confirmedClaimChecks;
    private String publishAt;
    private String assignee;
    private final Map<String, Boolean> checked = new LinkedHashMap<>();

    private Comparison sinceReview;
    private transient Long measuredRevision;
    private transient Readability.Report plain;
    private Comparison sinceSignOff;
    private String comparedRevisions;
    private MadeLink madeLink;

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

    public void reapprove() {
        perform(WorkflowAction.REAPPROVE, null, Map.copyOf(checked));
    }

    public void reject() {
        perform(WorkflowAction.REJECT, null, null);
    }

    public void publishNow() {
        perform(WorkflowAction.PUBLISH, null, null);
    }

    /** Publishes at the time entered, read in the user's zone; a time already scheduled moves to it. */
    public void publishLater() {
        Optional<Instant> at = timeZone.instant(publishAt);
        if (at.isEmpty()) {
            String unreadable = words.with("publish.atInvalid", "zone", timeZone.getName());
            Notices.error("workflow:publishAt", words.text("publish.atLabel") + ": " + unreadable, unreadable);
            return;
        }
        perform(WorkflowAction.PUBLISH, at.get(), null);
    }

    public void cancelSchedule() {
        try {
            transitions.cancelSchedule(open.getArticleId(), open.getLocale(), caller.actor());
            publishAt = null;
            refresh();
            Notices.info(words.text("publish.scheduleCancelled"));
        } catch (BusinessException refused) {
            refusals.show(refused, FormFields.workflow(checklist.keys()));
        }
    }

    public void unpublish() {
        perform(WorkflowAction.UNPUBLISH, null, null);
    }

    public void archive() {
        perform(WorkflowAction.ARCHIVE, null, null);
    }

    public void restore() {
        perform(WorkflowAction.RESTORE, null, null);
    }

    private void perform(WorkflowAction action, Instant at, Map<String, Boolean> confirmed) {
        try {
            var outcome = transitions.perform(open.getArticleId(), open.getLocale(),
                    new TransitionCommand(action, comment, at, confirmed, open.getBaseRevision(), noReferencesReason,
                            confirmedClaimChecks),
                    caller.actor());
            comment = null;
            noReferencesReason = null;
            confirmedClaimChecks = false;
            refresh();
            Notices.info(outcome.scheduled() != null
                    ? words.with("publish.scheduled", "time", words.time(outcome.scheduled().getPublishAt()))
                    : words.with2("workflow.done." + action.key(), "state", getStateName(),
                            "language", open.getLanguageName()));
        } catch (BusinessException refused) {
            refusals.show(refused, FormFields.workflow(checklist.keys()));
        }
    }

    /** After a save or a step: the variant is read again and the checklist starts empty. */
    void refresh() {
        open.refresh();
        checked.clear();
    }

    // --- the state, and the reviewer's request for changes

    /**
     * The reviewer's last word on this locale when it asked for changes and the draft has not been
     * sent back to review since; the author sees it at the top of the editor.
     */
    public Optional<MedicalReview> getChangesRequested() {
        return open.getState() != WorkflowState.DRAFT ? Optional.empty()
                : lastDecision().filter(last -> last.getDecision() == ReviewDecision.REJECTED);
    }

    private Optional<MedicalReview> lastDecision() {
        return open.once("lastDecision", () -> open.variant().flatMap(reviews::lastDecision));
    }

    /** The state in words: a draft sent back by the reviewer reads "Changes requested", not "Draft". */
    public String getStateName() {
        return open.getState() == null ? "" : getChangesRequested().isPresent() ? words.text("workflow.changesRequested")
                : words.text("WorkflowState." + open.getState().name());
    }

    /** The CSS class of the state badge. */
    public String getStateClass() {
        return open.getState() == null ? "" : getChangesRequested().isPresent() ? "CHANGES_REQUESTED" : open.getState().name();
    }

    // --- the medical review

    /** Four eyes, told before the click: the user wrote or edited what is in review. */
    public boolean isFourEyes() {
        return open.getState() == WorkflowState.IN_REVIEW && wroteOrEdited(WorkflowAction.APPROVE);
    }

    /** Four eyes for a re-review: the user wrote the revision readers see. */
    public boolean isFourEyesReapproval() {
        return may(WorkflowAction.REAPPROVE) && wroteOrEdited(WorkflowAction.REAPPROVE);
    }

    /** The checklist is there to tick while some sign-off is open to the user. */
    public boolean isChecklistOpen() {
        return (may(WorkflowAction.APPROVE) && !isFourEyes()) || (may(WorkflowAction.REAPPROVE) && !isFourEyesReapproval());
    }

    private boolean wroteOrEdited(WorkflowAction signOff) {
        return open.once("fourEyes." + signOff, () -> {
            var rule = EditorialWorkflow.rule(signOff, open.getState()).orElseThrow();
            ArticleVariant variant = open.variant().orElseThrow();
            Revision concerned = rule.concernsLive() ? variant.getLive().orElseThrow() : variant.getCurrent();
            return transitions.wroteOrEdited(caller.name(), rule, concerned);
        });
    }

    public List<ReviewChecklist.Item> getChecklistItems() {
        return checklist.items(language.getLocale());
    }

    /**
     * What the reviewer is asked to look at: the changes since the revision last reviewed
     * (approved, or sent back with a request for changes), so that a second review shows the
     * fix alone; for a first review, the whole text as new. Kept for the revisions compared, as a
     * long article's comparison may take up to its time budget and the view posts back many times.
     */
    public Comparison getSinceReview() {
        compare();
        return sinceReview;
    }

    /** How plain the revision under review is, for the reviewer to weigh: a warning, never a block. */
    public Readability.Report getReadability() {
        Revision current = open.variant().orElseThrow().getCurrent();
        if (plain == null || !current.getId().equals(measuredRevision)) {
            measuredRevision = current.getId();
            plain = readability.of(current.getBody(), open.getLocale());
        }
        return plain;
    }

    /** When the last sign-off is older than the last review: all changes since it, as a second view; else null. */
    public Comparison getSinceSignOff() {
        compare();
        return sinceSignOff;
    }

    private void compare() {
        ArticleVariant variant = open.variant().orElseThrow();
        Revision current = variant.getCurrent();
        Optional<MedicalReview> lastDecision = lastDecision();
        Optional<MedicalReview> lastSignOff = lastDecision.filter(last -> last.getDecision().signsOff())
                .or(() -> open.once("lastSignOff", () -> reviews.lastSignOff(variant)));
        String compared = lastDecision.map(r -> r.getRevision().getId() + "").orElse("-") + ">"
                + lastSignOff.map(r -> r.getRevision().getId() + "").orElse("-") + ">"
                + variant.getLive().map(r -> r.getId() + "").orElse("-") + ">" + current.getId();
        if (compared.equals(comparedRevisions)) {
            return;
        }
        if (lastDecision.isPresent()) {
            sinceReview = comparison(lastDecision.get(), current);
        } else if (variant.getLive().isPresent()) {
            Revision live = variant.getLive().get();
            sinceReview = new Comparison(live.getNumber(), words.with2("review.compare.sincePublished", "from",
                    live.getNumber(), "to", current.getNumber()), current.getNumber(), changes(live.content(), current));
        } else {
            sinceReview = new Comparison(null, words.with("review.compare.first", "to", current.getNumber()),
                    current.getNumber(), changes(Differences.NOTHING, current));
        }
        sinceSignOff = lastSignOff.filter(signOff -> lastDecision.get().getDecision() == ReviewDecision.REJECTED
                        && signOff.getRevision().getNumber() != current.getNumber())
                .map(signOff -> comparison(signOff, current))
                .orElse(null);
        comparedRevisions = compared;
    }

    private Comparison comparison(MedicalReview review, Revision current) {
        Revision reviewed = review.getRevision();
        String key = review.getDecision() == ReviewDecision.REJECTED ? "review.compare.sinceChangesRequested"
                : "review.compare.sinceApproved";
        return new Comparison(reviewed.getNumber(), words.format(key, "from", reviewed.getNumber(),
                "time", words.time(review.getReviewedAt()), "to", current.getNumber()), current.getNumber(),
                changes(reviewed.content(), current));
    }

    private List<Differences.Field> changes(RevisionContent from, Revision to) {
        return Differences.of(comparison.compare(from, to.content()));
    }

    /** For a re-review: when what readers see was last signed off, and when it is due again. */
    /**
     * Whether the revision a sign-off would concern (the current one to approve, the live one to
     * re-approve) cites no reference: the reviewer then says why none is needed, or cannot sign off.
     */
    public boolean isCitesNoReference() {
        return open.once("citesNoReference", () -> open.variant()
                .map(v -> may(WorkflowAction.APPROVE) ? Optional.of(v.getCurrent()) : v.getLive())
                .flatMap(revision -> revision)
                .filter(revision -> revision.getReferences().isEmpty())
                .isPresent());
    }

    /**
     * The review screen's claim checks: each contradicting phrase of a reviewed statement in the
     * revision an approval would concern, in words ("phrase" contradicts the statement: sentence).
     */
    public List<String> getClaimChecks() {
        return open.once("claimChecks", () -> open.variant()
                .filter(v -> !v.getArticle().isStatement())
                .map(v -> statements.findings(v.getLocale(), v.getCurrent().getBody()).stream()
                        .map(f -> words.with3("claimCheck.finding", "phrase", f.phrase(), "statement", f.statementTitle(),
                                "sentence", f.sentence()))
                        .toList())
                .orElse(List.of()));
    }

    public boolean isConfirmedClaimChecks() {
        return confirmedClaimChecks;
    }

    public void setConfirmedClaimChecks(boolean confirmedClaimChecks) {
        this.confirmedClaimChecks = confirmedClaimChecks;
    }

    public String getNoReferencesReason() {
        return noReferencesReason;
    }

    public void setNoReferencesReason(String noReferencesReason) {
        this.noReferencesReason = noReferencesReason;
    }

    public String getReReview() {
        return open.once("reReview", () -> open.variant().flatMap(reReviews::lastSignOff)
                .map(last -> words.format("review.reReview.summary", "revision", open.getLiveRevision(),
                        "reviewed", words.time(last.getReviewedAt()), "due", words.time(reReviews.dueAt(last.getReviewedAt()))))
                .orElse(null));
    }

    // --- the assignment

    /** The reviewers this user may assign the review to: all of them for an editor, themselves for a reviewer. */
    public List<Assignee> getAssignees() {
        return open.once("assignees", () -> transitions.assignableReviewers().stream()
                .filter(user -> EditorialPermissions.mayAssign(caller.actor(), user.getUsername()))
                .map(user -> new Assignee(user.getUsername(), user.getDisplayName()))
                .toList());
    }

    public boolean isMayUnassign() {
        return getAssigned() != null && EditorialPermissions.mayAssign(caller.actor(), null);
    }

    /** The name of the reviewer the review is assigned to, or null. */
    public String getAssigned() {
        return open.once("assigned", () -> open.variant().map(ArticleVariant::getAssignedReviewer)
                .map(username -> transitions.assignableReviewers().stream()
                        .filter(user -> user.getUsername().equals(username))
                        .map(user -> user.getDisplayName() + " (" + username + ")")
                        .findFirst().orElse(username))
                .orElse(null));
    }

    public void assign() {
        assignTo(assignee == null || assignee.isBlank() ? null : assignee.strip());
    }

    public void unassign() {
        assignTo(null);
    }

    private void assignTo(String reviewer) {
        if (reviewer == null && getAssigned() == null) {
            Notices.error("workflow:assignee", words.text("workflow.assign.choose"));
            return;
        }
        try {
            transitions.assign(open.getArticleId(), open.getLocale(), reviewer, caller.actor());
            refresh();
            Notices.info(reviewer == null ? words.text("workflow.assign.unassigned")
                    : words.with("workflow.assign.assigned", "reviewer", getAssigned()));
        } catch (BusinessException refused) {
            Notices.refused(words, refused);
        }
    }

    // --- preview links

    public boolean isMayMakePreviewLink() {
        return open.getState() != null && EditorialPermissions.mayMakePreviewLinks(caller.actor());
    }

    /** A link to the current revision as readers will see it, for someone without a login, for the usual time. */
    public void makePreviewLink() {
        try {
            EditorialPermissions.requireMakePreviewLinks(caller.actor());
            int revision = open.variant().orElseThrow().getCurrent().getNumber();
            PreviewLink link = previewLinks.link(open.getArticleId(), open.getLocale(), revision, PreviewLinks.USUAL_VALIDITY);
            madeLink = new MadeLink(siteAddress.base(request) + request.getContextPath() + PreviewLinks.PATH
                    + previewLinks.token(link), link.expiresAt(), revision);
            Notices.info(words.with("workflow.previewLink.made", "time", words.time(link.expiresAt())));
        } catch (BusinessException refused) {
            Notices.refused(words, refused);
        }
    }

    public MadeLink getMadeLink() {
        return madeLink;
    }

    // --- scheduled publication

    /** The publication scheduled for this locale, if any. */
    public Optional<ScheduledPublication> getSchedule() {
        return open.once("schedule", () -> open.variant().flatMap(transitions::pendingSchedule));
    }

    public String getScheduleText() {
        return getSchedule().map(s -> words.with2("publish.scheduledRevision", "time", words.time(s.getPublishAt()),
                "revision", s.getRevision().getNumber())).orElse(null);
    }

    public List<AuditLines.Line> getAuditTrail() {
        return open.getArticleId() == null ? List.of()
                : open.once("auditTrail", () -> auditLines.of(auditTrail.history(open.getArticleId(), open.getLocale())));
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    /** The time field starts at the scheduled time, to move it. */
    public String getPublishAt() {
        return publishAt != null ? publishAt : getSchedule().map(s -> timeZone.local(s.getPublishAt())).orElse(null);
    }

    public void setPublishAt(String publishAt) {
        this.publishAt = publishAt;
    }

    /** The select starts at the reviewer assigned now. */
    public String getAssignee() {
        return assignee != null ? assignee : open.variant().map(ArticleVariant::getAssignedReviewer).orElse(null);
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public Map<String, Boolean> getChecked() {
        return checked;
    }
}
