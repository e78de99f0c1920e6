package org.medpub.cms.translation.control;

/**
 * What part of an article a translation unit holds. The title and every block of the body must
 * be translated; a summary left empty stays empty, and a citation left empty keeps the source's
 * wording (citations often stay in the language they were published in). The alt text and
 * caption of an image the article shows belong to the image in the media library: one left
 * empty stays as the library has it. A source's note to readers ("What changed") left empty is
 * not shown in that language. A topic's name belongs to the topic in the taxonomy: one left
 * empty names nothing.
 */
public enum UnitKind {
    TITLE("title", true),
    SUMMARY("summary", false),
    HEADING("heading", true),
    PARAGRAPH("paragraph", true),
    LIST_ITEM("list-item", true),
    QUOTE("quote", true),
    TABLE_CELL("table-cell", true),
    REFERENCE("reference", false),
    ALT_TEXT("alt-text", false),
    CAPTION("caption", false),
    CHANGE_NOTE("change-note", false),
    TOPIC_NAME("topic-name", false);

    private final String key;
    private final boolean required;

    UnitKind(String key, boolean required) {
        this.key = key;
        this.required = required;
    }

    /** The unit's XLIFF {@code type}, such as {@code cms:list-item}. */
    public String type() {
        return "cms:" + key;
    }

    public boolean required() {
        return required;
    }

    /** The name for messages: "list item". */
    public String label() {
        return key.replace('-', ' ');
    }
}
