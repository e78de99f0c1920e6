package org.medpub.cms.article.control;

/** Fired when an article's audience or one of its disclosures changed: its reader pages are rendered anew. */
public record DisclosureChanged(long articleId) {
}
