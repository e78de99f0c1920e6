package org.medpub.cms.article.control;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/**
 * A slug made from a title, for imported documents and for the editor, which proposes it while the
 * title is typed: the title in Latin letters (ICU's transliteration of Arabic, Greek, Cyrillic and
 * every other script, accents dropped), lower case, words joined by hyphens. A web address in
 * plain letters can be read, typed and shared in any language.
 */
public final class SlugSuggestion {

    private static final int MAX = 80;

    // ICU does not promise that one transliterator may be used by several threads at once
    private static final Transliterator TO_PLAIN_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

    private SlugSuggestion() {
    }

    public static String fromTitle(String title) {
        String latin;
        synchronized (TO_PLAIN_LATIN) {
            latin = TO_PLAIN_LATIN.transliterate(title == null ? "" : title);
        }
        // what has no Latin form stays as it is, in the letters the slug rule allows (ArticleFields.SLUG)
        String plain = latin.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{Ll}\\p{Lo}\\p{Nd}]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (plain.length() > MAX) {
            int cut = plain.lastIndexOf('-', MAX);
            plain = plain.substring(0, cut > 20 ? cut : MAX).replaceAll("-+$", "");
        }
        return plain.isEmpty() ? "article" : plain;
    }
}
