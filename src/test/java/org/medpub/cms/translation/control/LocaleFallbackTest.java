package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medpub.cms.platform.control.EnabledLocales;

class LocaleFallbackTest {

    @Test
    void aRegionalLocaleFallsBackToItsLanguageAndThenTheDefault() {
        var fallback = fallback(List.of("en", "es", "es-MX", "de"), List.of("es-MX>es"));

        assertEquals(List.of("es-MX", "es", "en"), fallback.chain("es-MX"));
        assertEquals(List.of("es", "en"), fallback.chain("es"));
        assertEquals(List.of("en"), fallback.chain("en"));
        assertEquals(List.of("de", "en"), fallback.chain("de-AT"));
    }

    @Test
    void aConfiguredStepWinsAndDisabledLocalesAreOnlyPassedThrough() {
        var fallback = fallback(List.of("en", "es", "pt"), List.of("gl>es", "pt-BR>pt"));

        assertEquals(List.of("es", "en"), fallback.chain("gl"));
        assertEquals(List.of("pt", "en"), fallback.chain("pt-BR"));
        assertEquals(List.of("en"), fallback.chain("ja"));
    }

    @Test
    void aCycleInTheConfigurationEndsAtTheDefault() {
        var fallback = fallback(List.of("en", "es", "gl"), List.of("gl>es", "es>gl"));

        assertEquals(List.of("gl", "es", "en"), fallback.chain("gl"));
    }

    @Test
    void aMalformedEntryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> fallback(List.of("en"), List.of("es-MX")));
    }

    private static LocaleFallback fallback(List<String> enabled, List<String> steps) {
        var fallback = new LocaleFallback();
        fallback.locales = new EnabledLocales(enabled);
        fallback.configured = steps;
        fallback.readSteps();
        return fallback;
    }
}
