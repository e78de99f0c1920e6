package org.medpub.cms.article.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.medpub.cms.article.control.RevisionDiff;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.TranslationStatus;
import org.medpub.cms.article.entity.WorkflowState;

/** What the API answers about articles, revisions and their differences. */
final class ArticleViews {

    private ArticleViews() {
    }

    /** An article with one entry per enabled locale, including the locales it is missing in. */
    record ArticleView(long id, String kind, String sourceLocale, Instant createdAt, String createdBy, List<LocaleEntry> locales) {

        static ArticleView of(Article article, List<String> enabledLocales) {
            var entries = new java.util.ArrayList<LocaleEntry>();
            for (ArticleVariant variant : article.getVariants()) {
                entries.add(LocaleEntry.of(variant));
            }
            for (String locale : enabledLocales) {
                if (article.variant(locale).isEmpty()) {
                    entries.add(new LocaleEntry(locale, null, null, null, TranslationStatus.MISSING, null, null, null, null));
                }
            }
            return new ArticleView(article.getId(), article.getKind(), article.getSourceLocale(), article.getCreatedAt(),
                    article.getCreatedBy(), List.copyOf(entries));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LocaleEntry(String locale, WorkflowState state, Integer currentRevision, Integer liveRevision,
            TranslationStatus translationStatus, Integer sourceRevision, String title, String slug, Instant updatedAt) {

        static LocaleEntry of(ArticleVariant variant) {
            Revision current = variant.getCurrent();
            return new LocaleEntry(variant.getLocale(), variant.getState(), current.getNumber(),
                    variant.getLive().map(Revision::getNumber).orElse(null),
                    TranslationStatus.of(variant.getArticle(), variant.getLocale()),
                    current.getSourceRevision(), current.getTitle(), current.getSlug(), variant.getUpdatedAt());
        }
    }

    /** A whole revision. */
    record RevisionView(long articleId, String locale, int number, String state, String title, String slug,
            String summary, String body, List<String> topics, List<ReferenceData> references, String author,
            Instant createdAt, String changeNote, boolean safetyRelevant, Integer sourceRevision, boolean tellReaders) {

        static RevisionView of(Revision revision) {
            var variant = revision.getVariant();
            return new RevisionView(variant.getArticle().getId(), variant.getLocale(), revision.getNumber(),
                    stateOf(revision), revision.getTitle(), revision.getSlug(), revision.getSummary(), revision.getBody(),
                    List.copyOf(revision.getTopics()),
                    revision.getReferences().stream().map(ReferenceData::of).toList(),
                    revision.getAuthor(), revision.getCreatedAt(), revision.getChangeNote(), revision.isSafetyRelevant(),
                    revision.getSourceRevision(), revision.isTellReaders());
        }
    }

    /** One line of a variant's history. */
    record RevisionSummary(int number, String state, String author, Instant createdAt, String changeNote,
            boolean safetyRelevant, Integer sourceRevision, boolean tellReaders) {

        static RevisionSummary of(Revision revision) {
            return new RevisionSummary(revision.getNumber(), stateOf(revision), revision.getAuthor(),
                    revision.getCreatedAt(), revision.getChangeNote(), revision.isSafetyRelevant(),
                    revision.getSourceRevision(), revision.isTellReaders());
        }
    }

    record RevisionList(long articleId, String locale, List<RevisionSummary> revisions) {
    }

    record DiffView(long articleId, String locale, int from, int to, List<FieldDiffView> fields) {
    }

    /**
     * One field's changes; {@code precision} only when the field was too large to compare word
     * by word within the budget: {@code lines} (changed lines shown whole) or {@code block}
     * (everything from the first change to the last as one replacement).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FieldDiffView(String field, boolean changed, List<SegmentView> segments, String precision) {

        static FieldDiffView of(RevisionDiff.FieldDiff diff) {
            return new FieldDiffView(diff.field(), diff.changed(), diff.segments().stream()
                    .map(s -> new SegmentView(s.op().name().toLowerCase(Locale.ROOT), s.text()))
                    .toList(), diff.coarser());
        }
    }

    record SegmentView(String op, String text) {
    }

    /** One row of the article list: an article in one locale. */
    record ListItem(long id, String locale, String sourceLocale, String title, String slug, WorkflowState state,
            int currentRevision, Integer liveRevision, TranslationStatus translationStatus, Instant updatedAt) {

        static ListItem of(ArticleVariant variant) {
            var article = variant.getArticle();
            return new ListItem(article.getId(), variant.getLocale(), article.getSourceLocale(),
                    variant.getCurrent().getTitle(), variant.getSlug(), variant.getState(),
                    variant.getCurrent().getNumber(), variant.getLive().map(Revision::getNumber).orElse(null),
                    TranslationStatus.of(article, variant.getLocale()), variant.getUpdatedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<ListItem> items, String nextCursor) {
    }

    /**
     * The state of one revision: the live one is published, the current one has the variant's
     * state, an older one was superseded.
     */
    static String stateOf(Revision revision) {
        var variant = revision.getVariant();
        if (variant.getLive().filter(live -> live.getId().equals(revision.getId())).isPresent()) {
            return WorkflowState.PUBLISHED.key();
        }
        if (variant.getCurrent().getId().equals(revision.getId())) {
            return variant.getState().key();
        }
        return "superseded";
    }
}
