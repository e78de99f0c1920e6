package org.medpub.cms.article.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One person has a locale of an article open in the editor: since when, and when their editor
 * last showed it is still open (the heartbeat of its autosave). A lock idle for longer than the
 * configured time has lapsed and is anyone's to take.
 */
@Entity
@Table(name = "edit_lock")
@IdClass(EditLock.Key.class)
public class EditLock {

    @Id
    @Column(name = "article_id")
    private long articleId;

    @Id
    private String locale;

    private String username;
    private Instant since;
    private Instant heartbeat;

    protected EditLock() {
    }

    public EditLock(long articleId, String locale, String username, Instant at) {
        this.articleId = articleId;
        this.locale = locale;
        hand(username, at);
    }

    /** From now on the lock is {@code username}'s. */
    public void hand(String username, Instant at) {
        this.username = username;
        this.since = at;
        this.heartbeat = at;
    }

    public void beat(Instant at) {
        this.heartbeat = at;
    }

    /** Held, and by someone whose editor showed it is still open within {@code idle} before {@code now}. */
    public boolean isHeldAt(Instant now, Duration idle) {
        return heartbeat.plus(idle).isAfter(now);
    }

    public long getArticleId() {
        return articleId;
    }

    public String getLocale() {
        return locale;
    }

    public String getUsername() {
        return username;
    }

    public Instant getSince() {
        return since;
    }

    public Instant getHeartbeat() {
        return heartbeat;
    }

    /** The primary key: article and locale. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long articleId;
        private String locale;

        public Key() {
        }

        public Key(long articleId, String locale) {
            this.articleId = articleId;
            this.locale = locale;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && articleId == key.articleId && Objects.equals(locale, key.locale);
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, locale);
        }
    }
}
