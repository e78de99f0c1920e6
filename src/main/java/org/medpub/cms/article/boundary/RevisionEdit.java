package org.medpub.cms.article.boundary;

import static org.medpub.cms.article.entity.ArticleFields.*;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.medpub.cms.article.entity.RevisionContent;

/**
 * The body of {@code PUT /api/articles/{id}/locales/{locale}}: the text of a new revision.
 *
 * @param sourceLocale optional; when sent it must be the article's source locale (the body has the shape of the POST)
 * @param safetyRelevant the change matters for patients' safety (translations of it become urgent)
 * @param sourceRevision for a translation, the source revision it translates; the source's current revision if left out
 * @param tellReaders the change note becomes an entry of the page's public change log once this revision is published
 */
public record RevisionEdit(
        String sourceLocale,
        @NotBlank @Size(max = TITLE_MAX) String title,
        @NotBlank @Size(max = SLUG_MAX) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
        @Size(max = SUMMARY_MAX) String summary,
        @NotBlank @Size(max = BODY_MAX) String body,
        @Size(max = TOPICS_MAX) List<@NotBlank @Size(max = TOPIC_MAX) String> topics,
        @Size(max = REFERENCES_MAX) List<@NotNull @Valid ReferenceData> references,
        @Size(max = NOTE_MAX) String changeNote,
        Boolean safetyRelevant,
        @Positive Integer sourceRevision,
        Boolean tellReaders) {

    /** The revision this edit makes, normalised as every save is; the editorial UI saves through it too. */
    public RevisionContent content(Integer translatedRevision) {
        return RevisionText.content(title, slug, summary, body, topics, references, changeNote,
                Boolean.TRUE.equals(safetyRelevant), translatedRevision, Boolean.TRUE.equals(tellReaders));
    }
}
