package org.medpub.cms.workflow.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.workflow.control.ReReviews;
import org.medpub.cms.workflow.entity.AuditEvent;
import org.medpub.cms.workflow.entity.EditorialComment;
import org.medpub.cms.workflow.entity.ScheduledPublication;

/** What the workflow API answers. */
final class WorkflowViews {

    private WorkflowViews() {
    }

    /** Where an article in a locale stands after a step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StateView(long articleId, String locale, WorkflowState state, int currentRevision, Integer liveRevision,
            String assignedReviewer, Instant scheduledPublishAt, Integer scheduledRevision) {

        static StateView of(ArticleVariant variant, ScheduledPublication scheduled) {
            return new StateView(variant.getArticle().getId(), variant.getLocale(), variant.getState(),
                    variant.getCurrent().getNumber(), variant.getLive().map(Revision::getNumber).orElse(null),
                    variant.getAssignedReviewer(), scheduled == null ? null : scheduled.getPublishAt(),
                    scheduled == null ? null : scheduled.getRevision().getNumber());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventView(long id, Instant at, String actor, String action, WorkflowState from, WorkflowState to,
            Integer revision, String comment) {

        static EventView of(AuditEvent event) {
            return new EventView(event.getId(), event.getAt(), event.getActor(), event.getAction(), event.getFrom(),
                    event.getTo(), event.getRevision(), event.getComment());
        }
    }

    record History(long articleId, String locale, List<EventView> events) {
    }

    record CommentView(long id, int revision, String author, Instant createdAt, String text) {

        static CommentView of(EditorialComment comment) {
            return new CommentView(comment.getId(), comment.getRevision().getNumber(), comment.getAuthor(),
                    comment.getCreatedAt(), comment.getText());
        }
    }

    record Comments(long articleId, String locale, int revision, List<CommentView> comments) {
    }

    record DueView(long articleId, String locale, String title, int liveRevision, Instant lastReviewed, Instant reviewDue,
            boolean overdue) {

        static DueView of(ReReviews.Due due) {
            return new DueView(due.articleId(), due.locale(), due.title(), due.liveRevision(), due.lastReviewed(), due.dueAt(),
                    due.overdue());
        }
    }

    /** A page of re-reviews due; {@code next} is the cursor of the following page, null on the last. */
    record DueList(List<DueView> items, String next) {
    }
}
