package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.medpub.cms.platform.control.LanguageNames;
import org.medpub.cms.platform.control.Messages;
import org.medpub.cms.platform.entity.Role;

/**
 * The words of the editorial UI in the user's language, from the {@code i18n/} bundles: pages
 * write {@code #{words.text('login.title')}} or {@code #{words.with('editor.saved', 'revision', 3)}}.
 * Times are shown in the user's zone ({@link TimeZoneChoice}), named.
 */
@Named
@RequestScoped
public class Words {

    @Inject
    UiLanguage language;

    @Inject
    TimeZoneChoice timeZone;

    private Messages messages;

    public String text(String key) {
        return messages().text(key);
    }

    /** The key's text, or the fallback when the bundles have no such key (an audit action of the past, say). */
    public String textOr(String key, String fallback) {
        return messages().has(key) ? messages().text(key) : fallback;
    }

    public boolean has(String key) {
        return messages().has(key);
    }

    public String with(String key, String name, Object value) {
        return format(key, name, value);
    }

    public String with2(String key, String name1, Object value1, String name2, Object value2) {
        return format(key, name1, value1, name2, value2);
    }

    public String with3(String key, String name1, Object value1, String name2, Object value2, String name3, Object value3) {
        return format(key, name1, value1, name2, value2, name3, value3);
    }

    /** A time as the UI shows it: date and time in the user's language and zone, and the zone's short name ("CET", "UTC"). */
    public String time(Instant at) {
        if (at == null) {
            return "";
        }
        ZonedDateTime local = at.atZone(timeZone.zone());
        String zone = local.getZone() instanceof ZoneOffset offset
                ? "UTC" + (offset.equals(ZoneOffset.UTC) ? "" : offset.getId())
                : DateTimeFormatter.ofPattern("zzz", language.getLocale()).format(local);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.getLocale())
                .format(local) + " " + zone;
    }

    /** A language by its tag, named in the user's language ("English", "Spanish"; "Englisch" in German), as CLDR names it. */
    public String language(String tag) {
        return LanguageNames.inText(tag, language.getLocale());
    }

    /** Roles by their names in the user's language ({@code role.*}), in the order of {@link Role#ALL}. */
    public String roles(Collection<String> held) {
        return Role.ALL.stream().filter(held::contains).map(role -> text("role." + role)).collect(Collectors.joining(", "));
    }

    String format(String key, Object... namesAndValues) {
        Map<String, Object> arguments = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            arguments.put((String) namesAndValues[i], value instanceof Instant at ? at.atZone(timeZone.zone()) : value);
        }
        return messages().format(key, arguments);
    }

    private Messages messages() {
        if (messages == null) {
            messages = Messages.in(language.getLocale());
        }
        return messages;
    }
}
