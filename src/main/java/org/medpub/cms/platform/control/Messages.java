package org.medpub.cms.platform.control;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The product's words in one language: the {@code i18n/messages} bundle family, whose values are
 * ICU MessageFormat patterns (see {@code i18n/README.md}). A language without a bundle of its own
 * gets the English base bundle, never the server's default locale. Dates and times are passed as
 * {@code java.time} values with a zone ({@code ZonedDateTime}, {@code OffsetDateTime}) and are
 * shown in that zone.
 */
public final class Messages {

    /** The family's base name on the class path. */
    public static final String BUNDLE = "i18n.messages";

    /** The language of the base bundle {@code messages.properties}. */
    public static final Locale BASE_LANGUAGE = Locale.ENGLISH;

    private static final ResourceBundle.Control NO_SERVER_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale language;
    private final ULocale formatting;

    private Messages(ResourceBundle bundle, Locale wanted) {
        this.bundle = bundle;
        this.language = bundle.getLocale().getLanguage().isEmpty() ? BASE_LANGUAGE : bundle.getLocale();
        // regional conventions (es-MX dates) only where the words are in that region's language
        this.formatting = ULocale.forLocale(wanted.getLanguage().equals(language.getLanguage()) ? wanted : language);
    }

    public static Messages in(Locale wanted) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, wanted, Messages.class.getClassLoader(), NO_SERVER_LOCALE), wanted);
    }

    /** The language the words really are in: the bundle's, or English for the base bundle. */
    public Locale language() {
        return language;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A message without arguments; still a pattern, so a doubled apostrophe comes out as one. */
    public String text(String key) {
        return format(key, Map.of());
    }

    public String format(String key, Map<String, Object> arguments) {
        Map<String, Object> values = new HashMap<>(arguments);
        // ICU looks a ZonedDateTime's zone up by its id and knows no offset ids such as "+09:00"
        values.replaceAll((name, value) -> value instanceof ZonedDateTime time && time.getZone() instanceof ZoneOffset
                ? time.toOffsetDateTime() : value);
        return new MessageFormat(bundle.getString(key), formatting).format(values);
    }
}
