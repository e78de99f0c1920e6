package org.medpub.cms.site.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one rule for an article's language alternates, used by its pages' {@code hreflang} links and
 * by the sitemaps alike: one link per locale the article is published in, then {@code x-default}:
 * the default locale's page where it is published there, else the source locale's, else the first
 * published one. Every page of the article names the same {@code x-default}, as search engines ask.
 */
public final class Alternates {

    public static final String X_DEFAULT = "x-default";

    /** One alternate: a language tag (or {@link #X_DEFAULT}) and the path of the page in it. */
    public record Link(String hreflang, String path) {
    }

    private Alternates() {
    }

    /**
     * @param slugs the live slug of the article per locale it is published in, in the order to list them
     */
    public static List<Link> of(Map<String, String> slugs, String defaultLocale, String sourceLocale) {
        List<Link> links = new ArrayList<>(slugs.size() + 1);
        slugs.forEach((tag, slug) -> links.add(new Link(tag, articlePath(tag, slug))));
        String fallbackTag = slugs.containsKey(defaultLocale) ? defaultLocale
                : slugs.containsKey(sourceLocale) ? sourceLocale
                : slugs.keySet().stream().findFirst().orElse(null);
        if (fallbackTag != null) {
            links.add(new Link(X_DEFAULT, articlePath(fallbackTag, slugs.get(fallbackTag))));
        }
        return links;
    }

    public static String articlePath(String locale, String slug) {
        return "/" + locale + "/articles/" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
    }
}
