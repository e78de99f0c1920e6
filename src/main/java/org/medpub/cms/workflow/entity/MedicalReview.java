package org.medpub.cms.workflow.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;

/**
 * A medical reviewer's decision on one revision, with their name and credentials as they were
 * at the time, and the checklist items they confirmed. An approval belongs to that revision
 * only; it is never changed afterwards.
 */
@Entity
@Table(name = "medical_review")
public class MedicalReview {

    @Id
    @SequenceGenerator(name = "medical_review_seq", sequenceName = "medical_review_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "medical_review_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "variant_id", updatable = false)
    private ArticleVariant variant;

    @ManyToOne(optional = false)
    @JoinColumn(name = "revision_id", updatable = false)
    private Revision revision;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ReviewDecision decision;

    @Column(updatable = false)
    private String reviewer;

    @Column(name = "reviewer_name", updatable = false)
    private String reviewerName;

    @Column(name = "reviewer_credentials", updatable = false)
    private String reviewerCredentials;

    @Column(name = "review_comment", updatable = false)
    private String comment;

    @Column(name = "reviewed_at", updatable = false)
    private Instant reviewedAt;

    /** Why the approved revision needs no reference, when it cites none; null otherwise. */
    @Column(name = "no_references_reason", updatable = false)
    private String noReferencesReason;

    // read only when asked for (nothing shows it yet): a reader page that names the review needs no extra query
    @ElementCollection
    @CollectionTable(name = "medical_review_check", joinColumns = @JoinColumn(name = "review_id"))
    @Column(name = "item_key", updatable = false)
    private Set<String> confirmed = new TreeSet<>();

    protected MedicalReview() {
    }

    public MedicalReview(Revision revision, ReviewDecision decision, String reviewer, String reviewerName,
            String reviewerCredentials, String comment, Set<String> confirmed, Instant reviewedAt) {
        this.variant = revision.getVariant();
        this.revision = revision;
        this.decision = decision;
        this.reviewer = reviewer;
        this.reviewerName = reviewerName;
        this.reviewerCredentials = reviewerCredentials;
        this.comment = comment;
        this.confirmed = new TreeSet<>(confirmed);
        this.reviewedAt = reviewedAt;
    }

    /** An approval of a revision that cites no reference, with the reviewer's reason why none is needed. */
    public MedicalReview(Revision revision, ReviewDecision decision, String reviewer, String reviewerName,
            String reviewerCredentials, String comment, Set<String> confirmed, Instant reviewedAt,
            String noReferencesReason) {
        this(revision, decision, reviewer, reviewerName, reviewerCredentials, comment, confirmed, reviewedAt);
        this.noReferencesReason = noReferencesReason;
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

    public ReviewDecision getDecision() {
        return decision;
    }

    public String getReviewer() {
        return reviewer;
    }

    public String getReviewerName() {
        return reviewerName;
    }

    public String getReviewerCredentials() {
        return reviewerCredentials;
    }

    public String getComment() {
        return comment;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getNoReferencesReason() {
        return noReferencesReason;
    }

    public Set<String> getConfirmed() {
        return Set.copyOf(confirmed);
    }
}
