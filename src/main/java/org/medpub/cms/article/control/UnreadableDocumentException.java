package org.medpub.cms.article.control;

/**
 * A pasted document that cannot become an article: it has no text, or no title can be found in it.
 * The message is written for the editor who pasted it.
 */
public class UnreadableDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableDocumentException(String message) {
        super(message);
    }

    static UnreadableDocumentException empty() {
        return new UnreadableDocumentException("The document is empty. Paste the article's text and try again.");
    }
}
