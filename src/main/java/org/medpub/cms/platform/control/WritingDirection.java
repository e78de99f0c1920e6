package org.medpub.cms.platform.control;

import com.ibm.icu.util.ULocale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one answer to "is this language written right to left?", for reader pages, previews, the
 * API and the editorial UI alike. ICU decides from CLDR's data for the language's likely script,
 * so every right-to-left language (Arabic, Hebrew, Persian, Urdu, Dhivehi, …) and script subtag
 * ({@code az-Arab}) is known without a list of our own. The value is what HTML's {@code dir}
 * attribute takes.
 */
public final class WritingDirection {

    public static final String RIGHT_TO_LEFT = "rtl";
    public static final String LEFT_TO_RIGHT = "ltr";

    /** ICU looks the script up slowly; tags come from configuration, so few are ever asked for. */
    private static final int MOST_TAGS = 500;
    private static final Map<String, String> BY_TAG = new ConcurrentHashMap<>();

    private WritingDirection() {
    }

    /** {@code rtl} or {@code ltr} for a BCP 47 language tag; an unknown or empty tag is {@code ltr}. */
    public static String of(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return LEFT_TO_RIGHT;
        }
        String known = BY_TAG.get(languageTag);
        if (known != null) {
            return known;
        }
        String direction = ULocale.forLanguageTag(languageTag).isRightToLeft() ? RIGHT_TO_LEFT : LEFT_TO_RIGHT;
        if (BY_TAG.size() < MOST_TAGS) {
            // a bound, since a reader's address may name any tag
            BY_TAG.put(languageTag, direction);
        }
        return direction;
    }

    public static boolean isRightToLeft(String languageTag) {
        return RIGHT_TO_LEFT.equals(of(languageTag));
    }
}
