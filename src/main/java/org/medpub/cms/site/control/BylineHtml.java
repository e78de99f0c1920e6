package org.medpub.cms.site.control;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medpub.cms.platform.control.WritingDirection;

/**
 * Sentences of the reader's locale that name people ("Medically reviewed by <a>…</a>, MD, on …"):
 * the message is formatted with placeholders where the people go, escaped, and the placeholders
 * replaced by their links. Text of a person's profile that is written in another language than the
 * reader's carries its own {@code lang} (and direction).
 */
final class BylineHtml {

    private final SiteWords words;
    private final String locale;

    BylineHtml(SiteWords words, String locale) {
        this.words = words;
        this.locale = locale;
    }

    /** The message {@code key}, its {@code html} arguments put in as they are, the rest formatted and escaped. */
    String sentence(String key, Map<String, Object> plain, Map<String, String> html) {
        Map<String, Object> arguments = new LinkedHashMap<>(plain);
        List<String> fragments = new ArrayList<>();
        html.forEach((name, fragment) -> {
            arguments.put(name, marker(fragments.size()));
            fragments.add(fragment);
        });
        return fill(words.format(locale, key, arguments), fragments);
    }

    /** People joined as the locale joins a list ("A, B and C", "A, B y C"). */
    String list(List<String> html) {
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < html.size(); i++) {
            markers.add(marker(i));
        }
        return fill(ListFormatter.getInstance(ULocale.forLanguageTag(locale)).format(markers), html);
    }

    /** A person's name, linked to their profile when they have a public one, with their credentials if asked. */
    String person(People.Person person, boolean withCredentials) {
        String name = text(person.name());
        String linked = person.path() == null ? name : "<a href=\"" + escape(person.path()) + "\">" + name + "</a>";
        if (!withCredentials || person.credentials() == null) {
            return linked;
        }
        return sentence("article.person.withCredentials", Map.of(),
                Map.of("name", linked, "credentials", text(person.credentials())));
    }

    /** Text of a profile, marked with its language when that is not the reader's. */
    String text(People.Words words) {
        String escaped = escape(words.text());
        if (words.lang() == null || words.lang().equals(locale)) {
            return escaped;
        }
        return "<span lang=\"" + escape(words.lang()) + "\" dir=\"" + WritingDirection.of(words.lang()) + "\">" + escaped + "</span>";
    }

    private static String marker(int n) {
        return "\uE000" + n + "\uE001";
    }

    private static String fill(String formatted, List<String> fragments) {
        String escaped = escape(formatted);
        for (int i = 0; i < fragments.size(); i++) {
            escaped = escaped.replace(marker(i), fragments.get(i));
        }
        return escaped;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
