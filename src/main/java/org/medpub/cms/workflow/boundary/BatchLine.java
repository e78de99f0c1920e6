package org.medpub.cms.workflow.boundary;

import static org.medpub.cms.article.entity.ArticleFields.BODY_MAX;
import static org.medpub.cms.article.entity.ArticleFields.REFERENCES_MAX;
import static org.medpub.cms.article.entity.ArticleFields.SLUG;
import static org.medpub.cms.article.entity.ArticleFields.SLUG_MAX;
import static org.medpub.cms.article.entity.ArticleFields.SLUG_MESSAGE;
import static org.medpub.cms.article.entity.ArticleFields.SUMMARY_MAX;
import static org.medpub.cms.article.entity.ArticleFields.TITLE_MAX;
import static org.medpub.cms.article.entity.ArticleFields.TOPICS_MAX;
import static org.medpub.cms.article.entity.ArticleFields.TOPIC_MAX;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.medpub.cms.article.boundary.ReferenceData;
import org.medpub.cms.article.boundary.RevisionText;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.workflow.control.BatchArticle;

/**
 * One line of {@code POST /api/import/batch}: an article with its translations, each field under
 * the limits of {@code POST /api/articles}, references with their identifiers as there.
 */
public record BatchLine(
        @NotBlank String sourceLocale,
        @NotBlank @Size(max = TITLE_MAX) String title,
        @NotBlank @Size(max = SLUG_MAX) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
        @Size(max = SUMMARY_MAX) String summary,
        @NotBlank @Size(max = BODY_MAX) String body,
        @Size(max = TOPICS_MAX) List<@NotBlank @Size(max = TOPIC_MAX) String> topics,
        @Size(max = REFERENCES_MAX) List<@NotNull @Valid ReferenceData> references,
        @Size(max = BODY_MAX) @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) String previousBody,
        @Pattern(regexp = STATES, message = STATES_MESSAGE) String state,
        @Size(max = 64) String reviewer,
        @Size(max = 20) List<@NotNull @Valid Translation> translations) {

    static final String STATES = "draft|published";
    static final String STATES_MESSAGE = "must be draft or published";
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String NOT_BLANK_MESSAGE = "must not be blank when given";

    /** A translation of the line's article. */
    public record Translation(
            @NotBlank String locale,
            @NotBlank @Size(max = TITLE_MAX) String title,
            @NotBlank @Size(max = SLUG_MAX) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
            @Size(max = SUMMARY_MAX) String summary,
            @NotBlank @Size(max = BODY_MAX) String body,
            @Pattern(regexp = STATES, message = STATES_MESSAGE) String state,
            Boolean translatesPrevious) {

        BatchArticle.Translation toTranslation() {
            return new BatchArticle.Translation(locale.strip(),
                    RevisionText.content(title, slug, summary, body, List.of(), List.of(), null, false, null, false),
                    "published".equals(state), Boolean.TRUE.equals(translatesPrevious));
        }
    }

    /** The article as the import writes it; the line is the batch's, counted from 1. */
    BatchArticle toArticle(int line) {
        List<ReferenceData> cited = references == null ? List.of() : references;
        RevisionContent current = RevisionText.content(title, slug, summary, body, topics, cited, null, false, null, false);
        RevisionContent previous = previousBody == null ? null
                : RevisionText.content(title, slug, summary, previousBody, topics, cited, null, false, null, false);
        return new BatchArticle(line, sourceLocale.strip(), previous, current, "published".equals(state),
                reviewer == null || reviewer.isBlank() ? null : reviewer.strip(),
                translations == null ? List.of() : translations.stream().map(Translation::toTranslation).toList());
    }
}
