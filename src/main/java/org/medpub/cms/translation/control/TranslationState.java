package org.medpub.cms.translation.control;

import org.medpub.cms.article.entity.TranslationStatus;

/**
 * How one locale of an article stands against its source.
 *
 * @param translatedFrom  the source revision the live translation (else the newest draft) was made from
 * @param sourceLive      the source revision readers see, or null
 * @param safetyRelevant  the source published a safety-relevant change the live translation does not have yet
 */
public record TranslationState(long articleId, String locale, String sourceLocale, TranslationStatus status,
        Integer translatedFrom, Integer sourceLive, boolean safetyRelevant) {
}
