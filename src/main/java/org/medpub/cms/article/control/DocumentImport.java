package org.medpub.cms.article.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a pasted document into the title, summary and Markdown body of a draft article, with one
 * importer per format: {@link PlainTextImport}, {@link MarkdownImport}, {@link HtmlImport}.
 *
 * <p>What is kept is the title, the headings, the paragraphs and the bullet and numbered lists. The
 * summary is left empty for the editor to write, unless an HTML page marks a lead paragraph
 * ({@link HtmlImport}), which then becomes the summary instead of the body's first paragraph; it is
 * never a copy of the body. A document with no text, or without anything that can serve as its
 * title, is refused with a message for the editor.
 */
@ApplicationScoped
// Not final: CDI cannot proxy a final class, and an @ApplicationScoped bean is injected through a proxy.
public class DocumentImport {

    private final PlainTextImport plainText = new PlainTextImport();
    private final MarkdownImport markdown = new MarkdownImport();
    private final HtmlImport html = new HtmlImport();

    /**
     * Reads text pasted from a web page or a word processor.
     *
     * @throws UnreadableDocumentException when the text is blank or its first line is too long to be a title
     */
    public ImportedDocument fromPlainText(String text) {
        return plainText.read(text);
    }

    /**
     * Reads a CommonMark document; the body keeps the author's Markdown as written.
     *
     * @throws UnreadableDocumentException when the document is blank or has no title
     */
    public ImportedDocument fromMarkdown(String document) {
        return markdown.read(document);
    }

    /**
     * Reads an HTML page or fragment and converts its content to Markdown.
     *
     * @throws UnreadableDocumentException when the page has no text or neither an {@code <h1>} nor a {@code <title>}
     */
    public ImportedDocument fromHtml(String page) {
        return html.read(page);
    }
}
