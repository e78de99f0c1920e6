package org.medpub.cms.translation.control;

import java.util.List;
import org.medpub.cms.article.entity.TranslationStatus;

/**
 * How one locale of an article stands against its source.
 *
 * @param translatedFrom     the source revision the live translation (else the newest draft) was made from
 * @param sourceLive         the source revision readers see, or null
 * @param safetyRelevant     the source published a safety-relevant change the live translation does not have yet
 * @param missingMediaTexts  the alt texts and captions of images the locale shows (its newest revision, else the
 *                           source's) that the source language has and the locale lacks, by their XLIFF unit ids
 *                           ({@code media-42-alt}, {@code media-42-caption}); a translation that is otherwise current
 *                           is {@code missing} while this is not empty
 */
public record TranslationState(long articleId, String locale, String sourceLocale, TranslationStatus status,
        Integer translatedFrom, Integer sourceLive, boolean safetyRelevant, List<String> missingMediaTexts) {

    public TranslationState {
        missingMediaTexts = List.copyOf(missingMediaTexts);
    }

    /** A state that does not tell the images' texts. */
    public TranslationState(long articleId, String locale, String sourceLocale, TranslationStatus status,
            Integer translatedFrom, Integer sourceLive, boolean safetyRelevant) {
        this(articleId, locale, sourceLocale, status, translatedFrom, sourceLive, safetyRelevant, List.of());
    }
}
