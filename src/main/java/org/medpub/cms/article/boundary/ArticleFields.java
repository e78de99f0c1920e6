package org.medpub.cms.article.boundary;

/** The limits and patterns of an article's fields, shared by every request that writes one. */
public final class ArticleFields {

    /**
     * Lower-case letters of any script (so Arabic or Greek slugs work), digits, single hyphens
     * between them.
     */
    static final String SLUG = "[\\p{Ll}\\p{Lo}\\p{Nd}]+(-[\\p{Ll}\\p{Lo}\\p{Nd}]+)*";
    static final String SLUG_MESSAGE = "must be lower-case letters and digits joined by single hyphens";

    public static final int TITLE_MAX = 200;
    static final int SLUG_MAX = 120;
    public static final int SUMMARY_MAX = 500;
    public static final int BODY_MAX = 200_000;
    static final int NOTE_MAX = 500;
    static final int TOPICS_MAX = 20;
    static final int TOPIC_MAX = 60;
    static final int REFERENCES_MAX = 100;
    public static final int CITATION_MAX = 1000;

    private ArticleFields() {
    }
}
