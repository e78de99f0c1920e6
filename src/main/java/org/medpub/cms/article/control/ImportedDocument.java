package org.medpub.cms.article.control;

/**
 * The parts of a draft article read from a pasted document.
 *
 * @param title   the article's title, as plain text
 * @param summary the first paragraph of the body as plain text, cut at a word boundary to at most
 *                300 characters (ending in "…" when cut); empty when the body has no paragraph
 * @param body    the rest of the article as CommonMark Markdown, without a trailing newline
 */
public record ImportedDocument(String title, String summary, String body) {
}
