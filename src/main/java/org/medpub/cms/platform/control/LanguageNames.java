package org.medpub.cms.platform.control;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one answer to "what is this language called?", for the editorial UI and reader pages alike:
 * a BCP 47 tag named in another language as CLDR names it, through ICU ("Spanish", "Spanisch",
 * "español", "الإسبانية"). In a list or menu the name is capitalized as the language capitalizes
 * menu items ("Español"); in running text it is not.
 */
public final class LanguageNames {

    /** ICU reads its data anew for every naming; tags come from configuration and the database, so few pairs are asked for. */
    private static final int MOST_NAMES = 2000;
    private static final Map<String, String> NAMED = new ConcurrentHashMap<>();

    private LanguageNames() {
    }

    /** The language as named in running text in the language {@code in}. */
    public static String inText(String tag, Locale in) {
        return name(tag, in, DisplayContext.CAPITALIZATION_NONE);
    }

    /** The language as named in a list or menu in the language {@code in}. */
    public static String inList(String tag, Locale in) {
        return name(tag, in, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU);
    }

    private static String name(String tag, Locale in, DisplayContext capitalization) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        String key = in.toLanguageTag() + ' ' + capitalization.ordinal() + ' ' + tag;
        String known = NAMED.get(key);
        if (known != null) {
            return known;
        }
        String name = LocaleDisplayNames.getInstance(ULocale.forLocale(in), capitalization)
                .localeDisplayName(ULocale.forLanguageTag(tag));
        if (NAMED.size() < MOST_NAMES) {
            // a bound, since an address may name any tag
            NAMED.put(key, name);
        }
        return name;
    }
}
