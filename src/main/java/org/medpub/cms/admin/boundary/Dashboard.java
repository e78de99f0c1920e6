package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.entity.TranslationStatus;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.translation.control.TranslationState;
import org.medpub.cms.translation.control.TranslationStates;
import org.medpub.cms.workflow.control.AuditTrail;
import org.medpub.cms.workflow.control.EditorialWorkflow;
import org.medpub.cms.workflow.control.ReReviews;
import org.medpub.cms.workflow.control.WorkflowAction;

/**
 * The start page of the editorial UI: what is waiting for the signed-in user, by their roles.
 * A list the user's roles have no part in is not shown at all ({@code null}), which is not the
 * same as an empty one.
 */
@Named
@RequestScoped
public class Dashboard {

    private static final int SHOWN = 50;

    /**
     * A translation to make or bring up to date; {@code status} names a {@code TranslationStatus.*} key.
     *
     * @param imageTexts the alt texts and captions of its images it lacks
     */
    public record TranslationRow(long article, String locale, String title, String status, boolean safetyRelevant,
            List<MissingImageText> imageTexts) {
    }

    /** A published article due for medical review again; past the grace period its readers are told that it is overdue. */
    public record ReReviewRow(long article, String locale, String title, Instant dueAt, boolean overdue, boolean pastGrace) {
    }

    @Inject
    ArticleStore articles;

    @Inject
    Caller caller;

    @Inject
    EnabledLocales locales;

    @Inject
    TranslationStates translations;

    @Inject
    ReReviews reReviews;

    @Inject
    AuditTrail auditTrail;

    @Inject
    AuditLines auditLines;

    private List<VariantRow> myDrafts;
    private List<VariantRow> awaitingMyReview;
    private List<VariantRow> readyToPublish;
    private List<TranslationRow> translationsDue;
    private List<ReReviewRow> reReviewsDue;
    private List<AuditLines.Line> recentActivity;

    /** Whoever submits drafts sees their own. */
    public boolean isWriter() {
        return EditorialWorkflow.mayTake(caller.actor(), WorkflowAction.SUBMIT);
    }

    public boolean isAuthor() {
        return EditorialPermissions.mayCreateArticles(caller.actor());
    }

    /** Whoever approves sees what awaits their review. */
    public boolean isReviewer() {
        return EditorialWorkflow.mayTake(caller.actor(), WorkflowAction.APPROVE);
    }

    /** Whoever publishes sees what is ready for it. */
    public boolean isEditor() {
        return EditorialWorkflow.mayTake(caller.actor(), WorkflowAction.PUBLISH);
    }

    public boolean isTranslator() {
        return EditorialPermissions.translates(caller.actor());
    }

    /** Drafts whose newest revision the user saved. */
    public List<VariantRow> getMyDrafts() {
        if (myDrafts == null) {
            myDrafts = articles.draftsBy(caller.name(), SHOWN).stream().map(VariantRow::of).toList();
        }
        return myDrafts;
    }

    /** In medical review and assigned to the user, or to no one yet. */
    public List<VariantRow> getAwaitingMyReview() {
        if (awaitingMyReview == null) {
            awaitingMyReview = articles.inReviewFor(caller.name(), SHOWN).stream().map(VariantRow::of).toList();
        }
        return awaitingMyReview;
    }

    public List<VariantRow> getReadyToPublish() {
        if (readyToPublish == null) {
            readyToPublish = articles.list(null, WorkflowState.APPROVED, List.of(), null, SHOWN).stream()
                    .map(VariantRow::of)
                    .toList();
        }
        return readyToPublish;
    }

    /** For a translator the locales assigned to them; for an admin every locale but the default. */
    public List<TranslationRow> getTranslationsDue() {
        if (translationsDue == null) {
            List<TranslationState> due = new ArrayList<>();
            for (String locale : EditorialPermissions.localesToTranslate(caller.actor(), locales.all())) {
                for (TranslationStatus wanted : List.of(TranslationStatus.OUTDATED, TranslationStatus.MISSING)) {
                    due.addAll(translations.page(locale, wanted, null, SHOWN));
                }
            }
            // the newest articles first, whether their translation is outdated or missing
            List<TranslationState> shown = due.stream()
                    .sorted(Comparator.comparingLong(TranslationState::articleId).reversed())
                    .limit(SHOWN)
                    .toList();
            Map<Long, String> titles = articles.sourceTitles(shown.stream().map(TranslationState::articleId).toList());
            translationsDue = shown.stream().map(state -> new TranslationRow(state.articleId(), state.locale(),
                    titles.getOrDefault(state.articleId(), ""), state.status().name(), state.safetyRelevant(),
                    state.missingMediaTexts().stream().map(MissingImageText::of).toList())).toList();
        }
        return translationsDue;
    }

    public List<ReReviewRow> getReReviewsDue() {
        if (reReviewsDue == null) {
            reReviewsDue = reReviews.dueOrOverdue(null, SHOWN).stream()
                    .map(due -> new ReReviewRow(due.articleId(), due.locale(), due.title(), due.dueAt(), due.overdue(),
                            due.pastGrace()))
                    .toList();
        }
        return reReviewsDue;
    }

    public List<AuditLines.Line> getRecentActivity() {
        if (recentActivity == null) {
            recentActivity = auditLines.of(auditTrail.recent(20));
        }
        return recentActivity;
    }
}
