package org.medpub.cms.admin.boundary;

import org.medpub.cms.translation.control.ImageUnits;

/**
 * An image's text a translation lacks, for the bundles' {@code imageText.alt} and
 * {@code imageText.caption}: {@code text} is {@code alt} or {@code caption}, {@code image} the
 * image's id as written, not as a number in the user's language.
 */
public record MissingImageText(String image, String text) {

    /** From its XLIFF unit id, {@code media-42-alt}. */
    static MissingImageText of(String unitId) {
        return new MissingImageText(Long.toString(ImageUnits.item(unitId).orElseThrow()),
                unitId.substring(unitId.lastIndexOf('-') + 1));
    }
}
