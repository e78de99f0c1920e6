package org.medpub.cms.article.control;

import java.util.Collection;
import java.util.Map;
import org.medpub.cms.platform.control.Actor;

/**
 * The alt text and caption of the media library's images as translators see them: what an image
 * says in a locale, and writing its translation. The media feature implements it; translation
 * knows only this, as articles know only {@link ArticleImages}.
 */
public interface ImageTexts {

    /** The most an alt text may have, as the media library keeps it. */
    int ALT_MAX = 1000;

    /** The most a caption may have. */
    int CAPTION_MAX = 2000;

    /** An image's alt text and caption in one locale; null where it has none. */
    record Texts(String alt, String caption) {
    }

    /** The texts of each of the images in a locale, in one look-up; an image without texts there is left out. */
    Map<Long, Texts> in(Collection<Long> items, String locale);

    /**
     * Writes the translated alt text and caption of an image in a locale, as the same person
     * writing them in the media library would (their permission, their locales); a null text
     * stays as it was, and the credit stays.
     */
    void translate(long item, String locale, Texts texts, Actor translator);
}
