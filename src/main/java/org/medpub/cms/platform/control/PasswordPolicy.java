package org.medpub.cms.platform.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a password must be wherever one is set: at least {@value #MIN_LENGTH} characters, not the
 * user name, and not a common password. Common means: one of the words people pick most
 * ({@code platform/common-passwords.txt}, written for this product), or two of them, or one of
 * them repeated, once the digits and signs around it are taken off and look-alike signs read as
 * letters ({@code P@ssw0rd2024!} is {@code password}); nothing but such words between digits and
 * signs; one or two characters repeated; or a run along
 * the alphabet, the digits or a keyboard row ({@code qwertyuiop[]}, {@code 1234567890-=}). The
 * demo users' password {@code demo} is set by demo mode, which bypasses the policy on purpose.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    /** A password the policy refuses, with the i18n key (under {@code users.password.}) of the reason. */
    public static final class Refused extends BusinessException {
        private static final long serialVersionUID = 1L;

        private final String reason;

        Refused(String reason, String detail) {
            super(detail, List.of(new FieldError("password", detail)));
            this.reason = reason;
        }

        public int status() { return 400; }
        public String type() { return "weak-password"; }

        /** The key of the reason in the i18n bundles; it takes {@code {min}}, the least length. */
        public String reasonKey() {
            return "users.password." + reason;
        }

        public Map<String, Object> arguments() {
            return Map.of("min", MIN_LENGTH);
        }
    }

    private static final Set<String> COMMON = load("platform/common-passwords.txt");
    private static final List<String> RUNS = List.of("abcdefghijklmnopqrstuvwxyz", "01234567890",
            "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./", "qwertzuiopü", "asdfghjklöä", "yxcvbnm,.-", "azertyuiop",
            "qsdfghjklm", "wxcvbn,;:!", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/", "`1234567890-=", "~!@#$%^&*()_+");

    private PasswordPolicy() {
    }

    /** Refuses a password that breaks the policy, saying why. */
    public static void check(String username, char[] password) {
        String typed = new String(password);
        if (typed.codePointCount(0, typed.length()) < MIN_LENGTH) {
            throw new Refused("tooShort", "The password must have at least " + MIN_LENGTH + " characters");
        }
        String lower = typed.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (username != null && lower.contains(username.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", ""))
                && username.strip().length() * 2 > lower.length()) {
            throw new Refused("sameAsUserName", "The password must not be the user name");
        }
        if (isCommon(lower)) {
            throw new Refused("common", "The password is one that many people use; choose another");
        }
    }

    static boolean isCommon(String lower) {
        if (lower.chars().distinct().count() <= 2 || isRun(lower)) {
            return true;
        }
        String word = readAsLetters(lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", ""));
        if (word.length() < 3) {
            return true; // nothing but digits and signs around at most two letters: a date, a PIN, a pattern
        }
        if (COMMON.contains(word) || isRepeated(word)) {
            return true;
        }
        if (Stream.of(lower.split("[^\\p{L}]+")).filter(part -> !part.isEmpty()).allMatch(COMMON::contains)) {
            return true; // common words with digits and signs between them, as in "Summer2024Summer"
        }
        for (int split = 3; split <= word.length() - 3; split++) {
            if (COMMON.contains(word.substring(0, split)) && COMMON.contains(word.substring(split))) {
                return true;
            }
        }
        return false;
    }

    /** A stretch of one of the runs, forwards or backwards, possibly wrapping round and repeating. */
    private static boolean isRun(String lower) {
        for (String run : RUNS) {
            String forwards = run.repeat(1 + lower.length() / run.length() + 1);
            String backwards = new StringBuilder(forwards).reverse().toString();
            if (forwards.contains(lower) || backwards.contains(lower)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRepeated(String word) {
        for (int length = 3; length <= word.length() / 2; length++) {
            if (word.length() % length == 0 && word.equals(word.substring(0, length).repeat(word.length() / length))
                    && COMMON.contains(word.substring(0, length))) {
                return true;
            }
        }
        return false;
    }

    /** Look-alike signs read as the letters they stand for, as in "p@ssw0rd". */
    private static String readAsLetters(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            letters.append(switch (c) {
                case '0' -> 'o';
                case '1', '!', '|' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7', '+' -> 't';
                case '8' -> 'b';
                case '9' -> 'g';
                default -> c;
            });
        }
        return letters.toString();
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        var stream = Objects.requireNonNull(PasswordPolicy.class.getClassLoader().getResourceAsStream(resource), resource);
        try (var lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            lines.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
