package org.medpub.cms.article.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import java.util.List;

/**
 * One saved state of an article in one locale. Every save makes a new revision; a revision is
 * never changed or deleted, so that any earlier text can be shown, compared and restored. A
 * translation's revision names the source-locale revision it was translated from.
 */
@Entity
@Cacheable
public class Revision {

    @Id
    @SequenceGenerator(name = "revision_seq", sequenceName = "revision_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revision_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "variant_id", updatable = false)
    private ArticleVariant variant;

    @Column(name = "revision_no", updatable = false)
    private int number;

    @Column(updatable = false)
    private String title;

    @Column(updatable = false)
    private String slug;

    @Column(updatable = false)
    private String summary;

    @Column(updatable = false)
    private String body;

    @ElementCollection
    @CollectionTable(name = "revision_topic", joinColumns = @JoinColumn(name = "revision_id"))
    @OrderColumn(name = "item_order")
    @Column(name = "topic", updatable = false)
    private List<String> topics;

    @ElementCollection
    @CollectionTable(name = "revision_reference", joinColumns = @JoinColumn(name = "revision_id"))
    @OrderColumn(name = "item_order")
    private List<Reference> references;

    @Column(updatable = false)
    private String author;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "change_note", updatable = false)
    private String changeNote;

    @Column(name = "safety_relevant", updatable = false)
    private boolean safetyRelevant;

    @Column(name = "source_revision", updatable = false)
    private Integer sourceRevision;

    @Column(name = "tell_readers", updatable = false)
    private boolean tellReaders;

    protected Revision() {
    }

    public Revision(ArticleVariant variant, RevisionContent content, String author, Instant createdAt) {
        this.variant = variant;
        this.number = variant.nextRevisionNumber();
        this.title = content.title();
        this.slug = content.slug();
        this.summary = content.summary();
        this.body = content.body();
        this.topics = List.copyOf(content.topics());
        this.references = List.copyOf(content.references());
        this.changeNote = content.changeNote();
        this.safetyRelevant = content.safetyRelevant();
        this.sourceRevision = content.sourceRevision();
        this.tellReaders = content.tellReaders();
        this.author = author;
        this.createdAt = createdAt;
    }

    public RevisionContent content() {
        return new RevisionContent(title, slug, summary, body, List.copyOf(topics), List.copyOf(references),
                changeNote, safetyRelevant, sourceRevision, tellReaders);
    }

    public Long getId() {
        return id;
    }

    public ArticleVariant getVariant() {
        return variant;
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getSlug() {
        return slug;
    }

    public String getSummary() {
        return summary;
    }

    public String getBody() {
        return body;
    }

    public List<String> getTopics() {
        return topics;
    }

    public List<Reference> getReferences() {
        return references;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getChangeNote() {
        return changeNote;
    }

    public boolean isSafetyRelevant() {
        return safetyRelevant;
    }

    public Integer getSourceRevision() {
        return sourceRevision;
    }

    /** The change note is meant for readers: it joins the page's change log when this revision is published. */
    public boolean isTellReaders() {
        return tellReaders;
    }
}
