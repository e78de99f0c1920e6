package org.medpub.cms.article.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Whitespace clean-up of pasted text: what copying from a web page or a word processor leaves behind. */
final class PastedText {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
    // Zero-width spaces, byte-order marks and control characters are invisible leftovers of copying.
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\uFEFF\\p{Cc}&&[^\\t\\n\\r]]");

    private PastedText() {
    }

    static String nfc(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static String withoutByteOrderMark(String text) {
        return text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The lines of a text, each with its whitespace collapsed; blank lines become "". */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            lines.add(collapse(line));
        }
        return lines;
    }

    /** Text with invisible characters removed and each run of whitespace made one space. */
    static String spaced(String text) {
        return WHITESPACE.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ");
    }

    static String collapse(String text) {
        return spaced(text).strip();
    }

}
