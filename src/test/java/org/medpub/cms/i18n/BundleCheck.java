package org.medpub.cms.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules of a bundle family in {@code i18n/} ({@code messages.properties} plus one
 * {@code messages_<locale>.properties} per language; see {@code i18n/README.md}): every file is
 * UTF-8 without duplicated keys; every translation has exactly the base bundle's keys; every
 * message is a valid, non-empty ICU MessageFormat pattern without an apostrophe that would quote
 * text away; a translation uses the same arguments, of the same kinds, as the base message; a
 * plural names every CLDR category of its language and no other (explicit {@code =n} selectors
 * aside).
 */
final class BundleCheck {

    enum Kind {
        NOT_UTF8, DUPLICATE_KEY, MISSING_KEY, EXTRA_KEY, EMPTY_MESSAGE, INVALID_PATTERN, QUOTING_APOSTROPHE,
        ARGUMENTS_DIFFER, PLURAL_CATEGORY_MISSING, PLURAL_CATEGORY_UNKNOWN
    }

    /** One broken rule; {@code key} is empty when the whole file is at fault. */
    record Finding(Kind kind, String file, String key, String detail) {
        @Override
        public String toString() {
            return file + (key.isEmpty() ? "" : " " + key) + ": " + kind + " (" + detail + ")";
        }
    }

    /** A file of the family: its messages, and the arguments ({@code name:kind}) of each message that parsed. */
    private record Bundle(String file, Map<String, String> messages, Map<String, Set<String>> arguments) {
    }

    private BundleCheck() {
    }

    /** The locales the family has a file for, {@code ""} standing for the base bundle. */
    static Set<String> locales(Path folder, String family) throws IOException {
        Set<String> locales = new TreeSet<>();
        for (Path file : files(folder, family)) {
            locales.add(localeOf(file.getFileName().toString(), family));
        }
        return locales;
    }

    /** Every broken rule of the family, the base bundle being in {@code baseLocale}. */
    static List<Finding> check(Path folder, String family, ULocale baseLocale) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<Bundle> bundles = new ArrayList<>();
        for (Path file : files(folder, family)) {
            String locale = localeOf(file.getFileName().toString(), family);
            bundles.add(read(file, locale.isEmpty() ? baseLocale : new ULocale(locale), findings));
        }
        Bundle base = bundles.stream().filter(b -> b.file().equals(family + ".properties")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + family + ".properties in " + folder));
        for (Bundle translation : bundles) {
            if (translation != base) {
                compare(base, translation, findings);
            }
        }
        return findings;
    }

    private static List<Path> files(Path folder, String family) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(family) + "(_[A-Za-z0-9_]+)?\\.properties");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> name.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private static String localeOf(String fileName, String family) {
        String rest = fileName.substring(family.length(), fileName.length() - ".properties".length());
        return rest.isEmpty() ? "" : rest.substring(1);
    }

    private static Bundle read(Path path, ULocale locale, List<Finding> findings) throws IOException {
        String file = path.getFileName().toString();
        byte[] bytes = Files.readAllBytes(path);
        firstLineNotUtf8(bytes).ifPresent(line -> findings.add(new Finding(Kind.NOT_UTF8, file, "", "line " + line)));

        RecordingProperties properties = new RecordingProperties();
        properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        properties.duplicates.forEach(key -> findings.add(new Finding(Kind.DUPLICATE_KEY, file, key, "given more than once")));

        Map<String, Set<String>> arguments = new TreeMap<>();
        properties.messages.forEach((key, text) -> parse(file, locale, key, text, findings).ifPresent(a -> arguments.put(key, a)));
        return new Bundle(file, properties.messages, arguments);
    }

    private static Optional<Integer> firstLineNotUtf8(byte[] bytes) {
        var strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    strict.decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return Optional.of(line);
                }
                line++;
                start = i + 1;
            }
        }
        return Optional.empty();
    }

    private static Optional<Set<String>> parse(String file, ULocale locale, String key, String text, List<Finding> findings) {
        if (text.isBlank()) {
            findings.add(new Finding(Kind.EMPTY_MESSAGE, file, key, "no words"));
            return Optional.empty();
        }
        MessagePattern pattern;
        try {
            pattern = new MessagePattern(text);
            new MessageFormat(text, locale); // the pattern takes any type name, the format only real ones
        } catch (IllegalArgumentException e) {
            findings.add(new Finding(Kind.INVALID_PATTERN, file, key, e.getMessage()));
            return Optional.empty();
        }
        if (quotes(pattern)) {
            findings.add(new Finding(Kind.QUOTING_APOSTROPHE, file, key,
                    "an apostrophe before { } # | makes ICU quote what follows: write it twice or use ’"));
        }
        checkPlurals(file, locale, key, pattern, findings);
        return Optional.of(arguments(pattern));
    }

    /** Whether an apostrophe opens or closes quoted text, rather than being a doubled one that prints as one. */
    private static boolean quotes(MessagePattern pattern) {
        String text = pattern.getPatternString();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            int at = part.getIndex();
            if (part.getType() == MessagePattern.Part.Type.SKIP_SYNTAX && text.charAt(at) == '\''
                    && (at == 0 || text.charAt(at - 1) != '\'')) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> arguments(MessagePattern pattern) {
        Set<String> arguments = new TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START) {
                String name = pattern.getSubstring(pattern.getPart(i + 1));
                arguments.add(name + kindOf(pattern, i));
            }
        }
        return arguments;
    }

    private static String kindOf(MessagePattern pattern, int argStart) {
        return switch (pattern.getPart(argStart).getArgType()) {
            case NONE -> "";
            case SIMPLE -> ":" + pattern.getSubstring(pattern.getPart(argStart + 2));
            case PLURAL -> ":plural";
            case SELECTORDINAL -> ":selectordinal";
            case SELECT -> ":select";
            case CHOICE -> ":choice";
        };
    }

    private static void checkPlurals(String file, ULocale locale, String key, MessagePattern pattern, List<Finding> findings) {
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START || !part.getArgType().hasPluralStyle()) {
                continue;
            }
            PluralRules.PluralType type = part.getArgType() == MessagePattern.ArgType.PLURAL
                    ? PluralRules.PluralType.CARDINAL : PluralRules.PluralType.ORDINAL;
            Set<String> needed = PluralRules.forLocale(locale, type).getKeywords();
            Set<String> used = categories(pattern, i);
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(used);
            Set<String> unknown = new TreeSet<>(used);
            unknown.removeAll(needed);
            String argument = pattern.getSubstring(pattern.getPart(i + 1));
            if (!missing.isEmpty()) {
                findings.add(new Finding(Kind.PLURAL_CATEGORY_MISSING, file, key,
                        "{" + argument + "} lacks " + missing + "; " + locale + " has " + new TreeSet<>(needed)));
            }
            if (!unknown.isEmpty()) {
                findings.add(new Finding(Kind.PLURAL_CATEGORY_UNKNOWN, file, key,
                        "{" + argument + "} has " + unknown + "; " + locale + " has only " + new TreeSet<>(needed)));
            }
        }
    }

    /** The keyword selectors of the plural argument starting at {@code argStart}; explicit {@code =n} ones are left out. */
    private static Set<String> categories(MessagePattern pattern, int argStart) {
        Set<String> categories = new TreeSet<>();
        int limit = pattern.getLimitPartIndex(argStart);
        for (int i = argStart + 2; i < limit; i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.MSG_START) {
                i = pattern.getLimitPartIndex(i); // the sub-message's own arguments are checked on their own
            } else if (part.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                String selector = pattern.getSubstring(part);
                if (!selector.startsWith("=")) {
                    categories.add(selector);
                }
            }
        }
        return categories;
    }

    private static void compare(Bundle base, Bundle translation, List<Finding> findings) {
        Set<String> missing = new TreeSet<>(base.messages().keySet());
        missing.removeAll(translation.messages().keySet());
        missing.forEach(key -> findings.add(new Finding(Kind.MISSING_KEY, translation.file(), key, "the base bundle has it")));

        Set<String> extra = new TreeSet<>(translation.messages().keySet());
        extra.removeAll(base.messages().keySet());
        extra.forEach(key -> findings.add(new Finding(Kind.EXTRA_KEY, translation.file(), key, "the base bundle lacks it")));

        translation.arguments().forEach((key, arguments) -> {
            Set<String> original = base.arguments().get(key);
            if (original != null && !original.equals(arguments)) {
                findings.add(new Finding(Kind.ARGUMENTS_DIFFER, translation.file(), key, arguments + " here, " + original + " in " + base.file()));
            }
        });
    }

    /** Properties that remember every key given more than once, which {@link Properties#load} silently overwrites. */
    private static final class RecordingProperties extends Properties {
        private final Map<String, String> messages = new TreeMap<>();
        private final Set<String> duplicates = new TreeSet<>();

        @Override
        public synchronized Object put(Object key, Object value) {
            if (messages.put((String) key, (String) value) != null) {
                duplicates.add((String) key);
            }
            return super.put(key, value);
        }
    }
}
