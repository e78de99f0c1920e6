package org.medpub.cms.article.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The editor's whole form as a user left it, not saved as a revision: in the locale it was
 * written in, on the revision it was loaded from ({@code null} for a new article or translation).
 */
public record DraftText(String locale, Integer baseRevision, String title, String slug, String summary, String body,
        List<String> topics, List<Citation> references, String changeNote, boolean safetyRelevant, boolean tellReaders,
        Instant at) implements Serializable {

    /** A reference as the form holds it; the DOI and PubMed id come from the revision and are kept. */
    public record Citation(String text, String url, String doi, String pmid) implements Serializable {
    }

    public DraftText {
        topics = List.copyOf(topics);
        references = List.copyOf(references);
    }

    DraftText savedAt(Instant when) {
        return new DraftText(locale, baseRevision, title, slug, summary, body, topics, references, changeNote,
                safetyRelevant, tellReaders, when);
    }
}
