package org.medpub.cms.workflow.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.medpub.cms.article.entity.WorkflowState;

/**
 * One line of the audit trail of an article in a locale: every save and every transition,
 * who did it, when, from which state to which, on which revision, with what comment. Lines
 * are only ever added.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "article_id", updatable = false)
    private long articleId;

    @Column(updatable = false)
    private String locale;

    @Column(name = "revision_no", updatable = false)
    private Integer revision;

    @Column(updatable = false)
    private String action;

    @Column(name = "from_state", updatable = false)
    private WorkflowState from;

    @Column(name = "to_state", updatable = false)
    private WorkflowState to;

    @Column(updatable = false)
    private String actor;

    @Column(name = "occurred_at", updatable = false)
    private Instant at;

    @Column(name = "event_comment", updatable = false)
    private String comment;

    protected AuditEvent() {
    }

    public AuditEvent(long articleId, String locale, Integer revision, String action, WorkflowState from,
            WorkflowState to, String actor, Instant at, String comment) {
        this.articleId = articleId;
        this.locale = locale;
        this.revision = revision;
        this.action = action;
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.at = at;
        this.comment = comment;
    }

    public Long getId() {
        return id;
    }

    public long getArticleId() {
        return articleId;
    }

    public String getLocale() {
        return locale;
    }

    public Integer getRevision() {
        return revision;
    }

    public String getAction() {
        return action;
    }

    public WorkflowState getFrom() {
        return from;
    }

    public WorkflowState getTo() {
        return to;
    }

    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }

    public String getComment() {
        return comment;
    }
}
