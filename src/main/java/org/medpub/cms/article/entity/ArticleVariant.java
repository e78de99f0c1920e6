package org.medpub.cms.article.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * An article in one locale: its workflow state, its newest (current) revision and the revision
 * readers see (live), which may be older than the current one while a new draft is in review.
 */
@Entity
@Table(name = "variant")
public class ArticleVariant {

    @Id
    @SequenceGenerator(name = "variant_seq", sequenceName = "variant_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "variant_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "article_id", updatable = false)
    private Article article;

    @Column(updatable = false)
    private String locale;

    private WorkflowState state;

    /** The current revision's slug, kept here so that a slug is unique per locale in the database. */
    private String slug;

    @ManyToOne
    @JoinColumn(name = "current_revision_id")
    private Revision current;

    @ManyToOne
    @JoinColumn(name = "live_revision_id")
    private Revision live;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** When the live revision was published; null while none is (the sitemaps' lastmod, the index's order). */
    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "assigned_reviewer")
    private String assignedReviewer;

    @Version
    private int version;

    protected ArticleVariant() {
    }

    /** A new variant, to receive its first revision at once; the slug is that revision's. */
    public ArticleVariant(Article article, String locale, String slug, Instant createdAt) {
        this.article = article;
        this.locale = locale;
        this.slug = slug;
        this.state = WorkflowState.DRAFT;
        this.updatedAt = createdAt;
        article.added(this);
    }

    /** Makes a new revision the current one; nothing else ever changes what an editor wrote. */
    public void advanceTo(Revision revision) {
        this.current = revision;
        this.slug = revision.getSlug();
        this.updatedAt = revision.getCreatedAt();
        article.changed(this, updatedAt);
    }

    /** The workflow moves the variant on; what readers see changes only through {@link #publish}. */
    public void moveTo(WorkflowState next) {
        this.state = next;
    }

    /** Makes a revision the one readers see. */
    public void publish(Revision revision, Instant at) {
        this.live = revision;
        this.state = WorkflowState.PUBLISHED;
        this.updatedAt = at;
        this.publishedAt = at;
        article.changed(this, at);
    }

    /** Readers no longer see any revision of this variant. */
    public void takeOffline(WorkflowState next, Instant at) {
        this.live = null;
        this.state = next;
        this.updatedAt = at;
        this.publishedAt = null;
        article.changed(this, at);
    }

    public void assignReviewer(String reviewer) {
        this.assignedReviewer = reviewer;
    }

    public int nextRevisionNumber() {
        return current == null ? 1 : current.getNumber() + 1;
    }

    public boolean isSource() {
        return locale.equals(article.getSourceLocale());
    }

    public Long getId() {
        return id;
    }

    public Article getArticle() {
        return article;
    }

    public String getLocale() {
        return locale;
    }

    public WorkflowState getState() {
        return state;
    }

    public String getSlug() {
        return slug;
    }

    public Revision getCurrent() {
        return current;
    }

    public Optional<Revision> getLive() {
        return Optional.ofNullable(live);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Optional<Instant> getPublishedAt() {
        return Optional.ofNullable(publishedAt);
    }

    public String getAssignedReviewer() {
        return assignedReviewer;
    }
}
