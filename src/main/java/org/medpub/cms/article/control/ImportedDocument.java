package org.medpub.cms.article.control;

/**
 * The parts of a draft article read from a pasted document.
 *
 * @param title   the article's title, as plain text
 * @param summary the document's own lead paragraph as plain text, taken out of the body; empty when
 *                the document marks none ({@link HtmlImport} reads {@code <p class="lead">}). Never a
 *                copy of the body's first paragraph: the reader page shows the summary above the body,
 *                and a copy showed the same text twice.
 * @param body    the rest of the article as CommonMark Markdown, without a trailing newline
 */
public record ImportedDocument(String title, String summary, String body) {

    /** The document with the given title and body, and no summary: the editor writes one. */
    static ImportedDocument of(String title, String body) {
        return new ImportedDocument(title, "", body);
    }
}
