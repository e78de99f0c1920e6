package org.medpub.cms.article.control;

import static org.medpub.cms.article.entity.ArticleFields.CITATION_MAX;
import static org.medpub.cms.article.entity.ArticleFields.NOTE_MAX;
import static org.medpub.cms.article.entity.ArticleFields.REFERENCES_MAX;
import static org.medpub.cms.article.entity.ArticleFields.SLUG_MAX;
import static org.medpub.cms.article.entity.ArticleFields.SUMMARY_MAX;
import static org.medpub.cms.article.entity.ArticleFields.TITLE_MAX;
import static org.medpub.cms.article.entity.ArticleFields.TOPICS_MAX;
import static org.medpub.cms.article.entity.ArticleFields.TOPIC_MAX;
import static org.medpub.cms.article.entity.ArticleFields.BODY_MAX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.medpub.cms.article.entity.AutosavedDraft;
import org.medpub.cms.platform.control.BusinessException;

/**
 * The editor's text kept in the database while a user types, one row per user and article locale
 * (or new article), so that it survives the end of the session, a restart of the server and a move
 * to another instance. Each autosave overwrites the row; a saved revision deletes it in its own
 * transaction ({@link ArticleStore}), and so does a discard.
 */
@ApplicationScoped
@Transactional
public class AutosavedDrafts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int URL_MAX = 2000;
    private static final int DOI_MAX = 200;
    private static final int PMID_MAX = 12;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Overwrites the user's draft of the article's locale ({@code articleId} null: of a new article)
     * with the form; refused, and nothing kept, when a field is longer than a revision may hold.
     */
    public DraftText keep(String username, Long articleId, DraftText text) {
        requireWithinLimits(text);
        var key = new AutosavedDraft.Key(username, AutosavedDraft.keyOf(articleId, text.locale()));
        AutosavedDraft row = em.find(AutosavedDraft.class, key);
        if (row == null) {
            row = new AutosavedDraft(username, articleId, text.locale());
            em.persist(row);
        }
        DraftText kept = text.savedAt(clock.instant());
        row.replace(text.locale(), text.baseRevision(), text.title(), text.slug(), text.summary(), text.body(),
                json(text.topics()), json(text.references()), text.changeNote(), text.safetyRelevant(), text.tellReaders(),
                kept.at());
        return kept;
    }

    /** The user's draft of the article's locale, or of a new article (in whichever locale it was begun). */
    public Optional<DraftText> find(String username, Long articleId, String locale) {
        return Optional.ofNullable(em.find(AutosavedDraft.class, new AutosavedDraft.Key(username, AutosavedDraft.keyOf(articleId, locale))))
                .map(row -> new DraftText(row.getLocale(), row.getBaseRevision(), row.getTitle(), row.getSlug(),
                        row.getSummary(), row.getBody(), read(row.getTopicsJson(), new TypeReference<List<String>>() { }),
                        read(row.getReferencesJson(), new TypeReference<List<DraftText.Citation>>() { }),
                        row.getChangeNote(), row.isSafetyRelevant(), row.isTellReaders(), row.getSavedAt()));
    }

    /** Deletes the user's draft; in the caller's transaction when there is one (the save of a revision). */
    public void forget(String username, Long articleId, String locale) {
        em.createQuery("delete from AutosavedDraft d where d.username = :username and d.draftKey = :key")
                .setParameter("username", username)
                .setParameter("key", AutosavedDraft.keyOf(articleId, locale))
                .executeUpdate();
    }

    private static void requireWithinLimits(DraftText text) {
        requireAtMost("title", text.title(), TITLE_MAX);
        requireAtMost("slug", text.slug(), SLUG_MAX);
        requireAtMost("summary", text.summary(), SUMMARY_MAX);
        requireAtMost("body", text.body(), BODY_MAX);
        requireAtMost("changeNote", text.changeNote(), NOTE_MAX);
        requireAtMost("locale", text.locale(), 35);
        if (text.topics().size() > TOPICS_MAX) {
            throw tooMany("topics", TOPICS_MAX);
        }
        text.topics().forEach(topic -> requireAtMost("topics", topic, TOPIC_MAX));
        if (text.references().size() > REFERENCES_MAX) {
            throw tooMany("references", REFERENCES_MAX);
        }
        for (DraftText.Citation reference : text.references()) {
            requireAtMost("references", reference.text(), CITATION_MAX);
            requireAtMost("references", reference.url(), URL_MAX);
            requireAtMost("references", reference.doi(), DOI_MAX);
            requireAtMost("references", reference.pmid(), PMID_MAX);
        }
    }

    private static void requireAtMost(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new BusinessException.InvalidInput(field, "size must be between 0 and " + max);
        }
    }

    private static BusinessException tooMany(String field, int max) {
        return new BusinessException.InvalidInput(field, "size must be between 0 and " + max);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException unexpected) {
            throw new UncheckedIOException(unexpected);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException unexpected) {
            throw new UncheckedIOException(unexpected);
        }
    }
}
