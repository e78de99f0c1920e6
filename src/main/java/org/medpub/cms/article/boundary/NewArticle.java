package org.medpub.cms.article.boundary;

import static org.medpub.cms.article.entity.ArticleFields.*;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.medpub.cms.article.entity.RevisionContent;

/** The body of {@code POST /api/articles}: the first revision of a new article in its source locale. */
public record NewArticle(
        @NotBlank String sourceLocale,
        @NotBlank @Size(max = TITLE_MAX) String title,
        @NotBlank @Size(max = SLUG_MAX) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String slug,
        @Size(max = SUMMARY_MAX) String summary,
        @NotBlank @Size(max = BODY_MAX) String body,
        @Size(max = TOPICS_MAX) List<@NotBlank @Size(max = TOPIC_MAX) String> topics,
        @Size(max = REFERENCES_MAX) List<@NotNull @Valid ReferenceData> references,
        @Size(max = NOTE_MAX) String changeNote) {

    RevisionContent content() {
        return RevisionText.content(title, slug, summary, body, topics, references, changeNote, false, null, false);
    }
}
