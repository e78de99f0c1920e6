package org.medpub.cms.article.control;

import java.util.Locale;
import java.util.Set;

/**
 * Counts a word's syllables by a vowel-group rule per language. No well-kept syllable or
 * hyphenation library is on the class path (ICU has none; TeX hyphenation patterns split where a
 * line may break, not every syllable), so each readability formula gets the count its authors
 * describe, approximated by the written vowels: each group of adjacent vowels is one syllable,
 * with the corrections below. A word without a vowel (a number, an abbreviation) is one syllable.
 * <ul>
 * <li>English: vowels a e i o u y; a final silent "e" is not counted ("make" 1), except in "-le"
 *     after a consonant ("table" 2).</li>
 * <li>Spanish: vowels a e i o u (accented too) and ü; two strong vowels side by side (a e o, or an
 *     accented í ú) are two syllables ("le-er", "dí-a"), a weak vowel beside another (a diphthong,
 *     "cie-lo") one.</li>
 * <li>French: vowels a e i o u y with their accents, æ œ; a final mute "e" or "es" is not counted
 *     ("table" 1, "tables" 1), "é" is.</li>
 * <li>German: vowels a e i o u y ä ö ü; in a group, the diphthongs and long vowels ei, ai, ie, au,
 *     eu, äu and a doubled vowel are one syllable, any other vowel one of its own ("Bau-er" 2,
 *     "The-a-ter" 3).</li>
 * </ul>
 */
final class Syllables {

    private Syllables() {
    }

    static int count(String word, String language) {
        String w = word.toLowerCase(Locale.ROOT);
        int count = switch (language) {
            case "es" -> spanish(w);
            case "fr" -> groups(w, "aeiouyàâäéèêëîïôöùûüÿæœ") - (frenchMuteEnding(w) ? 1 : 0);
            case "de" -> german(w);
            default -> groups(w, "aeiouy") - (englishSilentE(w) ? 1 : 0);
        };
        return Math.max(1, count);
    }

    private static int groups(String word, String vowels) {
        int groups = 0;
        boolean inGroup = false;
        for (int i = 0; i < word.length(); i++) {
            boolean vowel = vowels.indexOf(word.charAt(i)) >= 0;
            if (vowel && !inGroup) {
                groups++;
            }
            inGroup = vowel;
        }
        return groups;
    }

    private static final Set<String> GERMAN_PAIRS = Set.of("ei", "ai", "ey", "ay", "ie", "au", "eu", "äu",
            "aa", "ee", "oo");

    private static int german(String w) {
        String vowels = "aeiouyäöü";
        int syllables = 0;
        for (int i = 0; i < w.length(); i++) {
            if (vowels.indexOf(w.charAt(i)) < 0) {
                continue;
            }
            syllables++;
            if (i + 1 < w.length() && GERMAN_PAIRS.contains(w.substring(i, i + 2))) {
                i++;
            }
        }
        return syllables;
    }

    private static boolean englishSilentE(String w) {
        if (!w.endsWith("e") || groups(w, "aeiouy") < 2) {
            return false;
        }
        boolean le = w.endsWith("le") && w.length() > 2 && "aeiouy".indexOf(w.charAt(w.length() - 3)) < 0;
        return !le && "aeiouy".indexOf(w.charAt(w.length() - 2)) < 0;
    }

    private static boolean frenchMuteEnding(String w) {
        String stem = w.endsWith("es") ? w.substring(0, w.length() - 1) : w;
        String vowels = "aeiouyàâäéèêëîïôöùûüÿæœ";
        return stem.endsWith("e") && stem.length() > 1 && vowels.indexOf(stem.charAt(stem.length() - 2)) < 0
                && groups(w, vowels) > 1;
    }

    private static int spanish(String w) {
        String strong = "aeoáéóíú";
        String vowels = strong + "iuü";
        int syllables = 0;
        char previous = ' ';
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (vowels.indexOf(c) >= 0) {
                boolean previousVowel = vowels.indexOf(previous) >= 0;
                boolean hiatus = previousVowel && strong.indexOf(c) >= 0 && strong.indexOf(previous) >= 0;
                if (!previousVowel || hiatus) {
                    syllables++;
                }
            }
            previous = c;
        }
        return syllables;
    }
}
