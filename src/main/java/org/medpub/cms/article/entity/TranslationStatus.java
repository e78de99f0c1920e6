package org.medpub.cms.article.entity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * How a locale's translation relates to its source: {@code missing} (no translation yet),
 * {@code in_progress} (drafted, nothing published), {@code current} (its live revision translates
 * the source's live revision or a later one) or {@code outdated} (the source has published
 * something newer than the revision the live translation was made from). The source locale
 * itself is {@code source}.
 */
public enum TranslationStatus {
    SOURCE("source"),
    MISSING("missing"),
    IN_PROGRESS("in_progress"),
    CURRENT("current"),
    OUTDATED("outdated");

    private final String key;

    TranslationStatus(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public static TranslationStatus of(Article article, String locale) {
        if (locale.equals(article.getSourceLocale())) {
            return SOURCE;
        }
        Optional<ArticleVariant> translation = article.variant(locale);
        if (translation.isEmpty()) {
            return MISSING;
        }
        Optional<Revision> live = translation.get().getLive();
        if (live.isEmpty()) {
            return IN_PROGRESS;
        }
        Optional<Revision> sourceLive = article.sourceVariant().getLive();
        Integer translated = live.get().getSourceRevision();
        if (sourceLive.isPresent() && translated != null && translated < sourceLive.get().getNumber()) {
            return OUTDATED;
        }
        return CURRENT;
    }
}
