package org.medpub.cms.article.boundary;

import static org.medpub.cms.article.entity.ArticleFields.*;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The bodies of {@code POST /api/statements} and {@code PUT /api/statements/{id}/locales/{locale}}:
 * an article's ({@link NewArticle}, {@link RevisionEdit}) and the statement's contradicting phrases
 * in that locale, which replace the ones it had when sent (left out: unchanged).
 */
final class StatementText {

    private StatementText() {
    }

    record NewStatement(
            @NotBlank String sourceLocale,
            @NotBlank @Size(max = TITLE_MAX) String title,
            @NotBlank @Size(max = SLUG_MAX) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
            @Size(max = SUMMARY_MAX) String summary,
            @NotBlank @Size(max = BODY_MAX) String body,
            @Size(max = TOPICS_MAX) List<@NotBlank @Size(max = TOPIC_MAX) String> topics,
            @Size(max = REFERENCES_MAX) List<@NotNull @Valid ReferenceData> references,
            @Size(max = NOTE_MAX) String changeNote,
            List<String> contradictingPhrases) {

        NewArticle article() {
            return new NewArticle(sourceLocale, title, slug, summary, body, topics, references, changeNote);
        }
    }

    record StatementEdit(
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
            Boolean tellReaders,
            List<String> contradictingPhrases) {

        RevisionEdit revision() {
            return new RevisionEdit(sourceLocale, title, slug, summary, body, topics, references, changeNote, safetyRelevant,
                    sourceRevision, tellReaders);
        }
    }
}
