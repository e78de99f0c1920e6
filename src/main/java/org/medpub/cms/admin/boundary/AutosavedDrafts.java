package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of an editor form that is not saved as a revision yet, per article and locale, kept
 * for the user's session: typing must not create a revision per keystroke, and a closed tab must
 * not lose the text.
 */
@SessionScoped
public class AutosavedDrafts implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form as it stood, and the revision it was loaded from, so a restore still detects a save in between. */
    public record Draft(Integer baseRevision, String title, String slug, String summary, String body,
            List<String> topics, List<ListRows.Citation> references, String changeNote, boolean safetyRelevant,
            Instant at) implements Serializable {
    }

    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();

    public Draft keep(long articleId, String locale, Draft draft) {
        drafts.put(key(articleId, locale), draft);
        return draft;
    }

    public Optional<Draft> find(long articleId, String locale) {
        return Optional.ofNullable(drafts.get(key(articleId, locale)));
    }

    public void forget(long articleId, String locale) {
        drafts.remove(key(articleId, locale));
    }

    private static String key(long articleId, String locale) {
        return articleId + "/" + locale;
    }
}
