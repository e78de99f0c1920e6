package org.medpub.cms.workflow.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;

/**
 * An approved revision that an editor asked to go live at a later time. It is kept in the
 * database, not in a timer, so it survives restarts; whichever instance claims it first
 * publishes it, once.
 */
@Entity
@Table(name = "scheduled_publication")
public class ScheduledPublication {

    @Id
    @SequenceGenerator(name = "scheduled_publication_seq", sequenceName = "scheduled_publication_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheduled_publication_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "variant_id", updatable = false)
    private ArticleVariant variant;

    @ManyToOne(optional = false)
    @JoinColumn(name = "revision_id", updatable = false)
    private Revision revision;

    @Column(name = "publish_at", updatable = false)
    private Instant publishAt;

    @Column(name = "requested_by", updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", updatable = false)
    private Instant requestedAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    protected ScheduledPublication() {
    }

    public ScheduledPublication(Revision revision, Instant publishAt, String requestedBy, Instant requestedAt) {
        this.variant = revision.getVariant();
        this.revision = revision;
        this.publishAt = publishAt;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    public void markDone(Instant at) {
        this.doneAt = at;
    }

    /** The revision is no longer the approved one, or was taken down: it will not go live. */
    public void cancel(Instant at) {
        this.cancelledAt = at;
    }

    public Long getId() {
        return id;
    }

    public ArticleVariant getVariant() {
        return variant;
    }

    public Revision getRevision() {
        return revision;
    }

    public Instant getPublishAt() {
        return publishAt;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }
}
