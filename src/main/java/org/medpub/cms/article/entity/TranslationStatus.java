package org.medpub.cms.article.entity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
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

    /** The status that {@link #key} names. */
    public static TranslationStatus ofKey(String key) {
        return Arrays.stream(values()).filter(status -> status.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No translation status " + key));
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
        return ofTranslation(live.isPresent(), live.map(Revision::getSourceRevision).orElse(null),
                article.sourceVariant().getLive().map(Revision::getNumber).orElse(null));
    }

    /**
     * How an existing translation stands, from its live revision (if any) and the source revision
     * it was translated from, and the source's live revision number (null when none is live).
     */
    public static TranslationStatus ofTranslation(boolean live, Integer translatedFrom, Integer sourceLive) {
        if (!live) {
            return IN_PROGRESS;
        }
        if (sourceLive != null && translatedFrom != null && translatedFrom < sourceLive) {
            return OUTDATED;
        }
        return CURRENT;
    }
}
