package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.ArticleImages;
import org.medpub.cms.article.control.RevisionSaved;
import org.medpub.cms.article.control.Statements;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.platform.entity.UserAccount;
import org.medpub.cms.workflow.entity.MedicalReview;
import org.medpub.cms.workflow.entity.ReviewDecision;
import org.medpub.cms.workflow.entity.ScheduledPublication;

/**
 * Moves articles along the {@link EditorialWorkflow}: checks who may take a step from which
 * state, enforces the medical sign-off (checklist, four eyes), records every step in the audit
 * trail and tells the rest of the product through {@link WorkflowTransitioned}.
 */
@ApplicationScoped
@Transactional
public class Transitions {

    /** What a step left behind: the variant, and the publication it scheduled, if any. */
    public record Outcome(ArticleVariant variant, ScheduledPublication scheduled) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ArticleStore articles;

    @Inject
    UserDirectory users;

    @Inject
    ReviewChecklist checklist;

    @Inject
    Clock clock;

    @Inject
    AuditTrail auditTrail;

    @Inject
    PublicationWindow publicationWindow;

    @Inject
    Event<WorkflowTransitioned> transitioned;

    @Inject
    Instance<ArticleImages> images;

    @Inject
    Instance<Statements> statements;

    @Transactional
    public Outcome perform(long articleId, String locale, TransitionCommand command, Actor actor) {
        WorkflowStep.requireRole(command.action(), actor);
        if (command.action() == WorkflowAction.SUBMIT) {
            EditorialPermissions.requireSubmit(actor, locale);
        }
        publicationWindow.check("publishAt", command.publishAt());
        ArticleVariant variant = articles.lockedVariant(articleId, locale)
                .orElseThrow(() -> new BusinessException.NotFound("Article " + articleId + " has no version in " + locale));
        WorkflowState from = variant.getState();
        WorkflowStep step = WorkflowStep.of(command, variant);
        TransitionRule rule = step.rule();
        Revision concerned = step.concerned();
        String comment = step.comment();
        if (rule.signsOff()) {
            WorkflowStep.checkSignOff(wroteOrEdited(actor.username(), rule, concerned), command.checklist(),
                    checklist.keys());
            requireAltText(concerned, locale);
            String noReferencesReason = requireEvidence(concerned, command.noReferencesReason());
            // an approval of new text; a re-approval confirms what readers already see, checked when it was approved
            List<Statements.Finding> findings = rule.action() == WorkflowAction.APPROVE
                    ? requireClaimChecks(concerned, locale, command.confirmedClaimChecks()) : List.of();
            review(concerned, rule.action() == WorkflowAction.REAPPROVE ? ReviewDecision.REAPPROVED
                    : ReviewDecision.APPROVED, actor, comment, Set.copyOf(checklist.keys()), noReferencesReason);
            if (!findings.isEmpty()) {
                record(variant, concerned, AuditTrail.CLAIM_CHECK, from, from, actor.username(),
                        AuditTrail.claimCheckNote(findings));
            }
            comment = AuditTrail.signOffNote(noReferencesReason, comment);
        }
        ScheduledPublication scheduled = null;
        switch (rule.action()) {
            case REJECT -> review(concerned, ReviewDecision.REJECTED, actor, comment, Set.of(), null);
            case PUBLISH -> {
                Instant now = clock.instant();
                if (command.publishAt() != null && command.publishAt().isAfter(now)) {
                    // a new time moves the schedule: one revision goes live once, at the time asked for last
                    cancelSchedules(variant);
                    scheduled = new ScheduledPublication(concerned, command.publishAt(), actor.username(), now);
                    em.persist(scheduled);
                    record(variant, concerned, AuditTrail.SCHEDULE, from, from, actor.username(),
                            AuditTrail.scheduleNote(command.publishAt(), comment));
                    return new Outcome(variant, scheduled);
                }
                cancelSchedules(variant);
                variant.publish(concerned, now);
            }
            case UNPUBLISH, ARCHIVE -> {
                cancelSchedules(variant);
                variant.takeOffline(rule.target(from), clock.instant());
            }
            default -> {
                // the state change below is all these steps do to the variant
            }
        }
        variant.moveTo(rule.target(from));
        announce(variant, concerned, rule, from, actor.username(), comment);
        return new Outcome(variant, scheduled);
    }

    /** A locale is not approved while an image it shows has no alt text in it: readers of screen readers would miss it. */
    private void requireAltText(Revision revision, String locale) {
        if (images == null || !images.isResolvable()) {
            return;
        }
        List<String> missing = images.get().missingAltText(revision.getBody(), locale);
        if (!missing.isEmpty()) {
            throw new BusinessException.Conflict("alt-text-missing", "The images " + String.join(", ", missing)
                    + " have no alt text in " + locale + "; write it in the media library before approving");
        }
    }

    /**
     * A revision that contains contradicting phrases of reviewed statements is not signed off
     * unless the reviewer confirms they checked them (409 naming the phrases).
     *
     * @return what was checked, to be recorded with the sign-off; empty when nothing contradicts
     */
    private List<Statements.Finding> requireClaimChecks(Revision revision, String locale, boolean confirmed) {
        if (statements == null || !statements.isResolvable() || revision.getVariant().getArticle().isStatement()) {
            return List.of();
        }
        List<Statements.Finding> findings = statements.get().findings(locale, revision.getBody());
        if (!findings.isEmpty() && !confirmed) {
            throw new BusinessException.Conflict("contradicting-phrase-unconfirmed", new BusinessException.FieldError(
                    "confirmedClaimChecks", "Revision " + revision.getNumber() + " contains phrases that contradict"
                    + " reviewed statements: " + AuditTrail.claimCheckNote(findings)
                    + "; check them and confirm with confirmedClaimChecks")
                    .worded("refusal.claimCheck.unconfirmed", Map.of("phrases", findings.stream().map(Statements.Finding::phrase)
                            .distinct().map(p -> "“" + p + "”").collect(java.util.stream.Collectors.joining(", ")))));
        }
        return findings;
    }

    /**
     * A locale is not signed off while the revision cites no reference, unless the reviewer says why
     * none is needed (409 naming {@code noReferencesReason}): the checklist's "sources are cited"
     * is then checked, not only ticked.
     *
     * @return the reason on one line, kept with the review; null when the revision cites a reference
     */
    private static String requireEvidence(Revision revision, String reason) {
        if (!revision.getReferences().isEmpty()) {
            return null;
        }
        String oneLine = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        if (oneLine.isEmpty()) {
            throw new BusinessException.Conflict("references-missing", new BusinessException.FieldError(
                    "noReferencesReason", "Revision " + revision.getNumber() + " cites no reference: add one, or say in"
                    + " noReferencesReason why none is needed").worded("review.noReferencesRequired", Map.of()));
        }
        return oneLine;
    }

    /**
     * Takes what readers see of a variant off line because of something that happened elsewhere
     * (a safety-relevant change of the source); the newest draft stays for the translator.
     */
    @Transactional
    public void withdraw(long articleId, String locale, String actor, String reason) {
        ArticleVariant variant = articles.lockedVariant(articleId, locale).orElseThrow();
        Optional<Revision> live = variant.getLive();
        if (live.isEmpty()) {
            return;
        }
        WorkflowState from = variant.getState();
        TransitionRule rule = EditorialWorkflow.rule(WorkflowAction.WITHDRAW, from).orElseThrow();
        cancelSchedules(variant);
        variant.takeOffline(rule.target(from), clock.instant());
        announce(variant, live.get(), rule, from, actor, reason);
    }

    /** Publishes a scheduled revision that is due, unless it was claimed already or is no longer approved. */
    @Transactional
    public void publishScheduled(long scheduleId) {
        var schedule = em.find(ScheduledPublication.class, scheduleId, LockModeType.PESSIMISTIC_WRITE);
        if (schedule == null || schedule.getDoneAt() != null || schedule.getCancelledAt() != null) {
            return;
        }
        Instant now = clock.instant();
        ArticleVariant variant = articles.lockedVariant(schedule.getVariant().getArticle().getId(),
                schedule.getVariant().getLocale()).orElseThrow();
        WorkflowState from = variant.getState();
        boolean stillApproved = from == WorkflowState.APPROVED
                && variant.getCurrent().getId().equals(schedule.getRevision().getId());
        if (!stillApproved) {
            schedule.cancel(now);
            return;
        }
        schedule.markDone(now);
        variant.publish(schedule.getRevision(), now);
        announce(variant, schedule.getRevision(), EditorialWorkflow.rule(WorkflowAction.PUBLISH, from).orElseThrow(), from,
                schedule.getRequestedBy(), AuditTrail.publishedAsScheduledNote(schedule.getPublishAt()));
    }

    @Transactional
    public List<Long> dueSchedules() {
        return em.createQuery("select s.id from ScheduledPublication s where s.doneAt is null and s.cancelledAt is null"
                        + " and s.publishAt <= :now order by s.publishAt", Long.class)
                .setParameter("now", clock.instant())
                .getResultList();
    }

    public Optional<ScheduledPublication> pendingSchedule(ArticleVariant variant) {
        return em.createQuery("select s from ScheduledPublication s where s.variant = :variant and s.doneAt is null"
                        + " and s.cancelledAt is null order by s.publishAt", ScheduledPublication.class)
                .setParameter("variant", variant)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** An edit starts a new draft: whatever review or schedule the previous revision had no longer applies. */
    void onRevisionSaved(@Observes RevisionSaved saved) {
        Revision revision = saved.revision();
        ArticleVariant variant = revision.getVariant();
        WorkflowState from = revision.getNumber() == 1 ? null : variant.getState();
        if (from != null) {
            cancelSchedules(variant);
        }
        variant.moveTo(WorkflowState.DRAFT);
        record(variant, revision, revision.getNumber() == 1 ? AuditTrail.CREATE : AuditTrail.SAVE, from, WorkflowState.DRAFT,
                revision.getAuthor(), revision.getChangeNote());
    }

    @Transactional
    public void assign(long articleId, String locale, String reviewer, Actor actor) {
        EditorialPermissions.requireAssign(actor, reviewer);
        ArticleVariant variant = articles.lockedVariant(articleId, locale)
                .orElseThrow(() -> new BusinessException.NotFound("Article " + articleId + " has no version in " + locale));
        if (reviewer != null && users.find(reviewer).filter(Transitions::reviews).isEmpty()) {
            throw new BusinessException.InvalidInput(new BusinessException.FieldError("reviewer",
                    "'" + reviewer + "' is not a medical reviewer")
                    .worded("refusal.reviewer.notReviewer", Map.of("reviewer", reviewer)));
        }
        variant.assignReviewer(reviewer);
        record(variant, variant.getCurrent(), AuditTrail.ASSIGN, variant.getState(), variant.getState(), actor.username(),
                AuditTrail.assignmentNote(reviewer));
    }

    /** The people a review may be assigned to: the medical reviewers whose accounts are open. */
    public List<UserAccount> assignableReviewers() {
        return users.all().stream().filter(Transitions::reviews)
                .sorted(Comparator.comparing(UserAccount::getUsername))
                .toList();
    }

    private static boolean reviews(UserAccount user) {
        return user.isActive() && user.getRoles().contains(Role.MEDICAL_REVIEWER);
    }

    /**
     * Calls off the publication scheduled for the variant; whoever may publish may call it off.
     * Refused when nothing is scheduled (409).
     */
    @Transactional
    public void cancelSchedule(long articleId, String locale, Actor actor) {
        WorkflowStep.requireRole(WorkflowAction.PUBLISH, actor);
        ArticleVariant variant = articles.lockedVariant(articleId, locale)
                .orElseThrow(() -> new BusinessException.NotFound("Article " + articleId + " has no version in " + locale));
        ScheduledPublication schedule = pendingSchedule(variant)
                .orElseThrow(() -> new BusinessException.Conflict("nothing-scheduled",
                        "No publication of article " + articleId + " in " + locale + " is scheduled"));
        cancelSchedules(variant);
        record(variant, schedule.getRevision(), AuditTrail.UNSCHEDULE, variant.getState(), variant.getState(),
                actor.username(), AuditTrail.scheduleNote(schedule.getPublishAt(), null));
    }

    /**
     * Whether the user wrote or edited the revision a sign-off by this rule concerns (for an
     * approval, any revision since the live one): then someone else must sign it off (four eyes).
     */
    public boolean wroteOrEdited(String username, TransitionRule rule, Revision revision) {
        return em.createQuery("select distinct r.author from Revision r where r.variant = :variant"
                        + " and r.number <= :number and r.number > :after", String.class)
                .setParameter("variant", revision.getVariant())
                .setParameter("number", revision.getNumber())
                .setParameter("after", rule.concernsLive() ? revision.getNumber() - 1 : liveNumber(revision.getVariant()))
                .getResultList()
                .contains(username);
    }

    private int liveNumber(ArticleVariant variant) {
        return variant.getLive().map(Revision::getNumber).orElse(0);
    }

    private void review(Revision revision, ReviewDecision decision, Actor actor, String comment, Set<String> confirmed,
            String noReferencesReason) {
        UserAccount reviewer = users.find(actor.username()).orElseThrow();
        em.persist(new MedicalReview(revision, decision, reviewer.getUsername(), reviewer.getDisplayName(),
                reviewer.getCredentials(), comment, confirmed, clock.instant(), noReferencesReason));
    }

    private void cancelSchedules(ArticleVariant variant) {
        em.createQuery("select s from ScheduledPublication s where s.variant = :variant and s.doneAt is null"
                        + " and s.cancelledAt is null", ScheduledPublication.class)
                .setParameter("variant", variant)
                .getResultList()
                .forEach(s -> s.cancel(clock.instant()));
    }

    private void announce(ArticleVariant variant, Revision revision, TransitionRule rule, WorkflowState from, String actor,
            String comment) {
        record(variant, revision, rule.action().key(), from, variant.getState(), actor, comment);
        transitioned.fire(new WorkflowTransitioned(variant.getArticle().getId(), variant.getLocale(), revision.getTitle(),
                rule, from, variant.getState(), revision.getNumber(), actor, comment, variant.getAssignedReviewer(),
                revision.getAuthor(), clock.instant()));
    }

    private void record(ArticleVariant variant, Revision revision, String action, WorkflowState from, WorkflowState to,
            String actor, String comment) {
        auditTrail.record(variant, revision, action, from, to, actor, comment);
    }
}
