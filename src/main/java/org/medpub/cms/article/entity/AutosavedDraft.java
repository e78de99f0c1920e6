package org.medpub.cms.article.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * What one user typed in the editor of one article and locale (or of a new article) and has not
 * saved as a revision: the whole form, and the revision it was loaded from, so that a restore
 * still notices a save made in between. Topics and references are kept as JSON arrays.
 */
@Entity
@Table(name = "autosaved_draft")
@IdClass(AutosavedDraft.Key.class)
public class AutosavedDraft {

    /** The key of a draft of an article not created yet. */
    public static final String NEW_ARTICLE = "new";

    @Id
    private String username;

    @Id
    @Column(name = "draft_key")
    private String draftKey;

    @Column(name = "article_id")
    private Long articleId;

    private String locale;

    @Column(name = "base_revision")
    private Integer baseRevision;

    private String title;
    private String slug;
    private String summary;
    private String body;
    private String topics;
    private String refs;

    @Column(name = "change_note")
    private String changeNote;

    @Column(name = "safety_relevant")
    private boolean safetyRelevant;

    @Column(name = "tell_readers")
    private boolean tellReaders;

    @Column(name = "saved_at")
    private Instant savedAt;

    protected AutosavedDraft() {
    }

    public AutosavedDraft(String username, Long articleId, String locale) {
        this.username = username;
        this.draftKey = keyOf(articleId, locale);
        this.articleId = articleId;
        this.locale = locale;
    }

    /** The draft key of an article's locale, or {@link #NEW_ARTICLE}. */
    public static String keyOf(Long articleId, String locale) {
        return articleId == null ? NEW_ARTICLE : articleId + "/" + locale;
    }

    /** Overwrites the draft with the form as it stands now. */
    public void replace(String locale, Integer baseRevision, String title, String slug, String summary, String body,
            String topicsJson, String referencesJson, String changeNote, boolean safetyRelevant, boolean tellReaders, Instant at) {
        this.locale = locale;
        this.baseRevision = baseRevision;
        this.title = title;
        this.slug = slug;
        this.summary = summary;
        this.body = body;
        this.topics = topicsJson;
        this.refs = referencesJson;
        this.changeNote = changeNote;
        this.safetyRelevant = safetyRelevant;
        this.tellReaders = tellReaders;
        this.savedAt = at;
    }

    public String getUsername() {
        return username;
    }

    public Long getArticleId() {
        return articleId;
    }

    public String getLocale() {
        return locale;
    }

    public Integer getBaseRevision() {
        return baseRevision;
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

    public String getTopicsJson() {
        return topics;
    }

    public String getReferencesJson() {
        return refs;
    }

    public String getChangeNote() {
        return changeNote;
    }

    public boolean isSafetyRelevant() {
        return safetyRelevant;
    }

    public boolean isTellReaders() {
        return tellReaders;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    /** The primary key: user and draft key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String username;
        private String draftKey;

        public Key() {
        }

        public Key(String username, String draftKey) {
            this.username = username;
            this.draftKey = draftKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(username, key.username) && Objects.equals(draftKey, key.draftKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, draftKey);
        }
    }
}
