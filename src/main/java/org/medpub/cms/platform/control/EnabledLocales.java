package org.medpub.cms.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The locales articles may be written in ({@code cms.locales}); the first is the default locale. */
@ApplicationScoped
public class EnabledLocales {

    private List<String> tags;
    private Set<String> exact;

    /** For the container's proxy only. */
    protected EnabledLocales() {
    }

    @Inject
    public EnabledLocales(@ConfigProperty(name = "cms.locales") List<String> configured) {
        this.tags = configured.stream().map(EnabledLocales::canonical).distinct().toList();
        this.exact = Set.copyOf(tags);
    }

    /** Reduces any spelling of a language tag ({@code ES_mx}, {@code es-MX}) to its BCP 47 form. */
    public static String canonical(String tag) {
        return Locale.forLanguageTag(tag.trim().replace('_', '-')).toLanguageTag();
    }

    /** Whether this is an enabled locale spelled exactly as {@link #all()} spells it ({@code es-MX}, not {@code es-mx}). */
    public boolean isEnabled(String tag) {
        return tag != null && exact.contains(tag);
    }

    /** The enabled locale this tag names, if it names one. */
    public Optional<String> find(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String wanted = canonical(tag);
        return tags.stream().filter(t -> t.equalsIgnoreCase(wanted)).findFirst();
    }

    /**
     * The enabled locale that best fits an {@code Accept-Language} header, by RFC 4647 lookup:
     * weights are honoured and a regional tag falls back to its language ({@code es-MX} → {@code es}).
     */
    public Optional<String> bestMatch(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), tags)).flatMap(this::find);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The locale to answer a caller in: the best match of their {@code Accept-Language}, else the default locale. */
    public String preferred(String acceptLanguage) {
        return bestMatch(acceptLanguage).orElse(defaultLocale());
    }

    public List<String> all() {
        return tags;
    }

    public String defaultLocale() {
        return tags.get(0);
    }
}
