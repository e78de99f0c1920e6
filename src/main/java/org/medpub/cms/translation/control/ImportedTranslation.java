package org.medpub.cms.translation.control;

/**
 * What an XLIFF import saved: a new draft revision of the article in the locale.
 *
 * @param sourceRevision the source revision the translation is of
 * @param units how many units the file had
 */
public record ImportedTranslation(long articleId, String locale, int revision, int sourceRevision, int units) {
}
