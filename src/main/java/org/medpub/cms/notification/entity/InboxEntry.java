package org.medpub.cms.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One notification in a team member's inbox of the editorial UI. It keeps the facts of the event
 * (kind, article, locale, revision, title, who, comment, due date), not a worded text, so that it
 * is shown in whatever language the reader's UI speaks. Only its read mark ever changes.
 */
@Entity
@Table(name = "inbox_entry")
public class InboxEntry {

    @Id
    @SequenceGenerator(name = "inbox_entry_seq", sequenceName = "inbox_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbox_entry_seq")
    private Long id;

    @Column(updatable = false)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private InboxKind kind;

    @Column(name = "article_id", updatable = false)
    private long articleId;

    @Column(updatable = false)
    private String locale;

    @Column(name = "revision_no", updatable = false)
    private int revision;

    @Column(updatable = false)
    private String title;

    @Column(updatable = false)
    private String actor;

    @Column(name = "event_comment", updatable = false)
    private String comment;

    @Column(name = "due_at", updatable = false)
    private Instant dueAt;

    @Column(name = "created_at", updatable = false)
    private Instant at;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "dedupe_key", updatable = false)
    private String dedupeKey;

    protected InboxEntry() {
    }

    /**
     * @param actor   who took the step, or null for what nobody did (a review falling due)
     * @param comment the step's comment, or null
     * @param dueAt   when a re-review is due, or null
     */
    public InboxEntry(String recipient, InboxKind kind, long articleId, String locale, int revision, String title,
            String actor, String comment, Instant dueAt, String dedupeKey, Instant at) {
        this.recipient = recipient;
        this.kind = kind;
        this.articleId = articleId;
        this.locale = locale;
        this.revision = revision;
        this.title = title;
        this.actor = actor;
        this.comment = comment;
        this.dueAt = dueAt;
        this.dedupeKey = dedupeKey;
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public InboxKind getKind() {
        return kind;
    }

    public long getArticleId() {
        return articleId;
    }

    public String getLocale() {
        return locale;
    }

    public int getRevision() {
        return revision;
    }

    public String getTitle() {
        return title;
    }

    public String getActor() {
        return actor;
    }

    public String getComment() {
        return comment;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getAt() {
        return at;
    }

    public void markRead(Instant at) {
        this.readAt = at;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
