package org.medpub.cms.article.control;

/**
 * Fired when a topic was added or named anew in a locale, so that the reader pages that show topic
 * names and links (topic pages, breadcrumbs, an article's topics) are rendered anew.
 */
public record TopicsChanged(String key, String locale) {
}
