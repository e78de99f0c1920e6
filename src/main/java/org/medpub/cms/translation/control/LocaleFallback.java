package org.medpub.cms.translation.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * Where a reader goes when an article is not published in their locale: the chain of locales to
 * try, nearest first. A configured step ({@code cms.locales.fallback}, entries {@code from>to},
 * default {@code es-MX>es}) wins; otherwise a regional locale falls back to its language
 * ({@code pt-BR → pt}); every chain ends at the default locale. Only enabled locales appear in
 * a chain, but a chain may pass through others to reach them.
 */
@ApplicationScoped
public class LocaleFallback {

    private static final int LONGEST_CHAIN = 10;

    @Inject
    EnabledLocales locales;

    @Inject
    @ConfigProperty(name = "cms.locales.fallback")
    List<String> configured;

    private final Map<String, String> steps = new HashMap<>();

    @PostConstruct
    void readSteps() {
        for (String entry : configured) {
            String[] parts = entry.split(">");
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("cms.locales.fallback entries look like es-MX>es, not '" + entry + "'");
            }
            steps.put(EnabledLocales.canonical(parts[0]).toLowerCase(), EnabledLocales.canonical(parts[1]));
        }
    }

    /** The enabled locales to try for a reader of this locale, the locale itself first when it is enabled. */
    public List<String> chain(String tag) {
        Set<String> chain = new LinkedHashSet<>();
        String current = EnabledLocales.canonical(tag);
        for (int step = 0; step < LONGEST_CHAIN && current != null; step++) {
            locales.find(current).ifPresent(chain::add);
            current = next(current);
        }
        chain.add(locales.defaultLocale());
        return new ArrayList<>(chain);
    }

    private String next(String tag) {
        String configuredStep = steps.get(tag.toLowerCase());
        if (configuredStep != null) {
            return configuredStep;
        }
        int cut = tag.lastIndexOf('-');
        return cut > 0 ? tag.substring(0, cut) : null;
    }
}
