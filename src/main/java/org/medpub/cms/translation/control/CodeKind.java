package org.medpub.cms.translation.control;

/**
 * What an inline code stands for in the Markdown, and how XLIFF names it ({@code type} and
 * {@code subType}). Every code must stay in the translation except a line break that the source
 * text merely wrapped at (a soft break), which the translator may drop.
 */
public enum CodeKind {
    BOLD(true, "fmt", "xlf:b", "bold"),
    ITALIC(true, "fmt", "xlf:i", "italics"),
    LINK(true, "link", null, "link"),
    /** A link the translator cannot reword: an address in angle brackets or a reference by its label. */
    FIXED_LINK(false, "link", null, "link"),
    CODE(false, "fmt", "cms:code", "code"),
    LINE_BREAK(false, "fmt", "xlf:lb", "line break"),
    SOFT_BREAK(false, "fmt", "cms:soft-break", "wrapped line"),
    IMAGE(false, "image", null, "image"),
    HTML(false, "other", "cms:html", "HTML");

    private final boolean paired;
    private final String type;
    private final String subType;
    private final String label;

    CodeKind(boolean paired, String type, String subType, String label) {
        this.paired = paired;
        this.type = type;
        this.subType = subType;
        this.label = label;
    }

    /** A paired code ({@code <pc>}) wraps words; any other is a placeholder ({@code <ph>}). */
    public boolean paired() {
        return paired;
    }

    public String type() {
        return type;
    }

    /** The XLIFF subType, or null when the type says it all. */
    public String subType() {
        return subType;
    }

    /** The name editors and translators know it by, for messages. */
    public String label() {
        return label;
    }

    public boolean mayBeDropped() {
        return this == SOFT_BREAK;
    }

    public boolean isBreak() {
        return this == LINE_BREAK || this == SOFT_BREAK;
    }
}
