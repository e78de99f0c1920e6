package org.medpub.cms.article.entity;

import java.util.List;

/**
 * What an editor writes in one save: the text of a revision, without who saved it or when.
 *
 * @param sourceRevision for a translation, the source-locale revision it translates; null for the source
 * @param tellReaders the change note becomes an entry of the page's public change log once published
 */
public record RevisionContent(String title, String slug, String summary, String body, List<String> topics,
        List<Reference> references, String changeNote, boolean safetyRelevant, Integer sourceRevision,
        boolean tellReaders) {
}
