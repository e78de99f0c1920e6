package org.medpub.cms.site.control;

import java.util.Set;

/**
 * What a cached reader page was made from, as keys that a change names: a page is stale once a
 * change names one of its keys. An article's pages in every locale (and the redirects to it) depend
 * on {@link #article}; the lists of a locale (its index pages and their count, its search results) on
 * {@link #locale}; the pages naming people on {@link #PEOPLE}; the sitemap index on {@link #SITEMAP} (the sitemap files are never kept). The
 * pages that show topic names (topic pages, articles with topics) on {@link #TOPICS}, and besides on
 * the {@link #locale} whose published articles they list (a topic page; an article's related articles).
 */
public final class PageDependency {

    public static final String SITEMAP = "sitemap";
    /** Every page that names people from their public profiles: the article pages and the people pages. */
    public static final String PEOPLE = "people";
    /** Every page that shows topic names: the topic pages and the articles with topics. */
    public static final String TOPICS = "topics";

    private PageDependency() {
    }

    public static String article(long articleId) {
        return "article:" + articleId;
    }

    public static String locale(String locale) {
        return "locale:" + locale;
    }

    /** What a step that changes what readers see of an article in a locale makes stale. */
    public static Set<String> ofStep(long articleId, String locale) {
        return Set.of(article(articleId), locale(locale), SITEMAP);
    }
}
