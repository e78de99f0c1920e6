package org.medpub.cms.article.control;

import java.text.Normalizer;
import java.util.Locale;

/** A slug made from a title: letters without accents, digits, hyphens; for imported documents. */
public final class SlugSuggestion {

    private static final int MAX = 80;

    private SlugSuggestion() {
    }

    public static String fromTitle(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{Nd}]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (plain.length() > MAX) {
            int cut = plain.lastIndexOf('-', MAX);
            plain = plain.substring(0, cut > 20 ? cut : MAX).replaceAll("-+$", "");
        }
        return plain.isEmpty() ? "article" : Normalizer.normalize(plain, Normalizer.Form.NFC);
    }
}
