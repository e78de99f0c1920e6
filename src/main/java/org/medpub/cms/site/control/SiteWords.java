package org.medpub.cms.site.control;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of the reader pages in the reader's language, from the {@code i18n/messages}
 * bundles, formatted as ICU messages (plurals by CLDR rules, dates in the locale's style).
 * <p>
 * A parsed message is kept per locale and key, and one thread at a time formats with it: an ICU
 * {@link MessageFormat} is not safe for threads that format at the same time (its date formats
 * keep state, and a clone shares them). A message without arguments is formatted once and its
 * text kept.
 */
@ApplicationScoped
public class SiteWords {

    private final Map<String, ResourceBundle> bundles = new ConcurrentHashMap<>();
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    /** A message without arguments; still a pattern, so a doubled apostrophe comes out as one. */
    public String text(String locale, String key) {
        return texts.computeIfAbsent(locale + '\u0000' + key, k -> format(locale, key, Map.of()));
    }

    public String format(String locale, String key, Map<String, Object> arguments) {
        MessageFormat parsed = formats.computeIfAbsent(locale + '\u0000' + key,
                k -> new MessageFormat(bundle(locale).getString(key), ULocale.forLanguageTag(locale)));
        synchronized (parsed) {
            return parsed.format(arguments);
        }
    }

    private ResourceBundle bundle(String locale) {
        return bundles.computeIfAbsent(locale, tag -> ResourceBundle.getBundle("i18n.messages",
                java.util.Locale.forLanguageTag(tag), SiteWords.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
