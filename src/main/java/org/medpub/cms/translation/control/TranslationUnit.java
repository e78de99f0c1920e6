package org.medpub.cms.translation.control;

/**
 * One piece of an article that is translated on its own: the title, the summary, one block of
 * the body or one citation.
 *
 * @param id stable for the same text: {@code title}, {@code summary}, {@code body-3}, {@code reference-1}
 */
public record TranslationUnit(String id, UnitKind kind, Segment source) {
}
