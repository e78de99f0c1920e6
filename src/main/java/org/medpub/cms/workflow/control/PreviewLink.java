package org.medpub.cms.workflow.control;

import java.time.Instant;

/**
 * What a preview link shows: one revision of an article in one locale, until it expires.
 *
 * @param revision the revision number within the locale
 */
public record PreviewLink(long articleId, String locale, int revision, Instant expiresAt) {

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
