package org.medpub.cms.workflow.control;

import java.util.List;
import org.medpub.cms.article.entity.RevisionContent;

/**
 * One article of a batch import, its fields already checked one by one: the source text (and the
 * text before it, when the batch brings one) and its translations, each drafted or published.
 *
 * @param line     the batch's line it came from, for naming it in a refusal
 * @param previous the source's first revision when the batch gives the text it replaced, else null
 * @param reviewer the medical reviewer who signed off what is published; null when nothing is
 */
public record BatchArticle(int line, String sourceLocale, RevisionContent previous, RevisionContent source,
        boolean published, String reviewer, List<Translation> translations) {

    /**
     * @param translatesPrevious whether it translates the source's previous revision (so that it is
     *                           outdated once the source is published) rather than its current one
     */
    public record Translation(String locale, RevisionContent content, boolean published, boolean translatesPrevious) {
    }

    public BatchArticle {
        translations = List.copyOf(translations);
    }

    public boolean publishesAny() {
        return published || translations.stream().anyMatch(Translation::published);
    }
}
