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

/**
 * One entry of a page's public change log in one locale: a note told to readers, dated when it
 * was first published in that locale.
 */
@Entity
@Table(name = "change_log_entry")
public class ChangeLogEntry {

    @Id
    @SequenceGenerator(name = "change_log_entry_seq", sequenceName = "change_log_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_log_entry_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "variant_id", updatable = false)
    private ArticleVariant variant;

    /** The revision whose note this is: the variant's own for the source, the source's for a translation. */
    @Column(name = "origin_revision", updatable = false)
    private int originRevision;

    /** The statement whose note this is (its revision is {@link #originRevision}), or 0 for the page's own note. */
    @Column(name = "statement_id", updatable = false)
    private long statementId;

    /** The revision of this locale whose publication published the note. */
    @Column(name = "revision_no", updatable = false)
    private int revision;

    @Column(updatable = false)
    private String note;

    @Column(name = "safety_relevant", updatable = false)
    private boolean safetyRelevant;

    @Column(name = "published_at", updatable = false)
    private Instant publishedAt;

    protected ChangeLogEntry() {
    }

    public ChangeLogEntry(ArticleVariant variant, int originRevision, int revision, String note, boolean safetyRelevant,
            Instant publishedAt) {
        this.variant = variant;
        this.originRevision = originRevision;
        this.revision = revision;
        this.note = note;
        this.safetyRelevant = safetyRelevant;
        this.publishedAt = publishedAt;
    }

    /** A note of a statement the page shows, published with that statement's revision. */
    public static ChangeLogEntry ofStatement(ArticleVariant variant, long statementId, int statementRevision, String note,
            boolean safetyRelevant, Instant publishedAt) {
        ChangeLogEntry entry = new ChangeLogEntry(variant, statementRevision, variant.getLive().orElseThrow().getNumber(),
                note, safetyRelevant, publishedAt);
        entry.statementId = statementId;
        return entry;
    }

    public int getOriginRevision() {
        return originRevision;
    }

    public int getRevision() {
        return revision;
    }

    public String getNote() {
        return note;
    }

    public boolean isSafetyRelevant() {
        return safetyRelevant;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
