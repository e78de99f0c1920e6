package org.medpub.cms.media.control;

import java.util.Set;

/**
 * Fired when an image's texts changed, naming the articles whose live revisions show it, so that
 * their reader pages, which carry the alt text, caption and credit, are rendered anew.
 */
public record ImageTextsChanged(long itemId, Set<Long> articleIds) {

    public ImageTextsChanged {
        articleIds = Set.copyOf(articleIds);
    }
}
