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
import org.medpub.cms.article.entity.Revision;

/** A note the editorial team leaves on a revision; readers never see it. */
@Entity
@Table(name = "editorial_comment")
public class EditorialComment {

    @Id
    @SequenceGenerator(name = "editorial_comment_seq", sequenceName = "editorial_comment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "editorial_comment_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "revision_id", updatable = false)
    private Revision revision;

    @Column(updatable = false)
    private String author;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "comment_text", updatable = false)
    private String text;

    protected EditorialComment() {
    }

    public EditorialComment(Revision revision, String author, String text, Instant createdAt) {
        this.revision = revision;
        this.author = author;
        this.text = text;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Revision getRevision() {
        return revision;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getText() {
        return text;
    }
}
