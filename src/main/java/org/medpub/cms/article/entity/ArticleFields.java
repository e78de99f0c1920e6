package org.medpub.cms.article.entity;

/** The limits and patterns of an article's fields, shared by every request that writes one. */
public final class ArticleFields {

    /**
     * Lower-case letters of any script (so Arabic or Greek slugs work), digits, single hyphens
     * between them.
     */
    public static final String SLUG = "[\\p{Ll}\\p{Lo}\\p{Nd}]+(-[\\p{Ll}\\p{Lo}\\p{Nd}]+)*";
    /** Bean Validation's message key: {@code ValidationMessages*.properties} words it in each language. */
    public static final String SLUG_MESSAGE = "{org.medpub.cms.slug.Pattern.message}";

    public static final int TITLE_MAX = 200;
    public static final int SLUG_MAX = 120;
    public static final int SUMMARY_MAX = 500;
    public static final int BODY_MAX = 200_000;
    public static final int NOTE_MAX = 500;
    public static final int TOPICS_MAX = 20;
    public static final int TOPIC_MAX = 60;
    public static final int REFERENCES_MAX = 100;
    public static final int CITATION_MAX = 1000;

    private ArticleFields() {
    }
}
