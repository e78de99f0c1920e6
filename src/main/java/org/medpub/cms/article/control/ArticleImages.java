package org.medpub.cms.article.control;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images from the media library that an article shows, as Markdown images with a {@code media:}
 * reference: {@code ![](media:42@3)} is version 3 of item 42, and {@code media:42} is pinned to the
 * item's current version when the revision is saved, so a reviewed article never changes its image
 * silently. The media feature implements it; articles know only this.
 */
public interface ArticleImages {

    /** {@code media:42} or {@code media:42@3}, as a Markdown image's destination. */
    Pattern REFERENCE = Pattern.compile("media:(\\d{1,18})(?:@(\\d{1,9}))?");

    /** Where a Markdown image's destination is a media reference: a version of an item, or its current one. */
    record Reference(long item, Integer version) {

        public static Optional<Reference> of(String destination) {
            Matcher m = REFERENCE.matcher(destination == null ? "" : destination.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Reference(Long.parseLong(m.group(1)), m.group(2) == null ? null : Integer.valueOf(m.group(2))));
        }
    }

    /**
     * The Markdown with each reference without a version pinned to its item's current version;
     * refuses (invalid input) a reference to an item or version the library does not have.
     */
    String pin(String markdown);

    /**
     * The {@code <figure>} of one image in a locale, as safe HTML: alt text, caption and credit of
     * that locale; empty when the library has no such image.
     *
     * @param version null for the item's current version (text not saved yet)
     * @param previewToken the preview link the page is shown through, or null for readers
     */
    String figure(Reference reference, String locale, String previewToken);

    /**
     * The {@code <figure>} as the editorial UI shows it (the live preview of text not saved yet):
     * its images come from the address only the signed-in team reaches, which shows the images of
     * drafts too.
     */
    default String editorialFigure(Reference reference, String locale) {
        return figure(reference, locale, null);
    }

    /** The images the Markdown shows that have no alt text in the locale, as {@code media:42@3}. */
    List<String> missingAltText(String markdown, String locale);

    /** Every media reference in Markdown, in order. */
    static List<Reference> references(String markdown) {
        return ArticleHtml.imageDestinations(markdown).stream().map(Reference::of).flatMap(Optional::stream).toList();
    }
}
