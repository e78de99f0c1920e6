package org.medpub.cms.admin.boundary;

import java.io.Serializable;
import java.time.Instant;
import org.medpub.cms.article.entity.ArticleVariant;

/** One article in one locale, as the dashboard lists it; {@code state} names a {@code WorkflowState.*} key. */
public record VariantRow(long article, String locale, String title, String state, String author, Instant updated)
        implements Serializable {

    static VariantRow of(ArticleVariant variant) {
        return new VariantRow(variant.getArticle().getId(), variant.getLocale(), variant.getCurrent().getTitle(),
                variant.getState().name(), variant.getCurrent().getAuthor(), variant.getUpdatedAt());
    }
}
