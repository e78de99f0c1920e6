package org.medpub.cms.translation.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medpub.cms.article.control.ArticleImages;
import org.medpub.cms.article.control.ImageTexts;

/**
 * The alt texts and captions of the images a revision shows, as units of the article's XLIFF
 * file: {@code media-42-alt} and {@code media-42-caption} for image 42, after the article's own
 * units, in the order the body first shows each image. An image is offered with the texts its
 * source language has; a text the source language lacks has nothing to translate.
 */
public final class ImageUnits {

    private static final Pattern ID = Pattern.compile("media-(\\d{1,18})-(alt|caption)");

    private ImageUnits() {
    }

    /** The images a body shows, each once, in order. */
    public static Set<Long> shownBy(String body) {
        Set<Long> items = new LinkedHashSet<>();
        ArticleImages.references(body).forEach(reference -> items.add(reference.item()));
        return items;
    }

    /**
     * The units of the images a body shows.
     *
     * @param sourceTexts the images' texts in the source language
     */
    public static List<TranslationUnit> units(String body, Map<Long, ImageTexts.Texts> sourceTexts) {
        List<TranslationUnit> units = new ArrayList<>();
        for (long item : shownBy(body)) {
            ImageTexts.Texts texts = sourceTexts.get(item);
            if (texts == null) {
                continue;
            }
            if (texts.alt() != null) {
                units.add(new TranslationUnit(altId(item), UnitKind.ALT_TEXT, Segment.plain(texts.alt())));
            }
            if (texts.caption() != null) {
                units.add(new TranslationUnit(captionId(item), UnitKind.CAPTION, Segment.plain(texts.caption())));
            }
        }
        return units;
    }

    public static String altId(long item) {
        return "media-" + item + "-alt";
    }

    public static String captionId(long item) {
        return "media-" + item + "-caption";
    }

    /** The image a unit id names, when it is the id of an image's text. */
    public static Optional<Long> item(String unitId) {
        Matcher m = ID.matcher(unitId == null ? "" : unitId);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** Whether the unit is an image's text rather than a piece of the article. */
    static boolean isImageText(UnitKind kind) {
        return kind == UnitKind.ALT_TEXT || kind == UnitKind.CAPTION;
    }
}
