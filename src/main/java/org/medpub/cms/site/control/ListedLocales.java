package org.medpub.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.translation.control.LocaleFallback;

/**
 * Whose articles a locale's index lists: its own, and with {@code cms.site.list-fallback} (on by
 * default) also those readable in it only through its fallback chain ({@link LocaleFallback}, the
 * rule the article pages follow), each in the nearest locale of the chain that has it published.
 * So the Arabic index lists the articles an Arabic reader can open, not only those translated.
 */
@ApplicationScoped
public class ListedLocales {

    @Inject
    LocaleFallback fallback;

    @Inject
    @ConfigProperty(name = "cms.site.list-fallback")
    boolean listFallback;

    /** The locales whose published articles the index of this enabled locale lists, nearest first: the locale itself first. */
    public List<String> of(String locale) {
        return listFallback ? fallback.chain(locale) : List.of(locale);
    }
}
