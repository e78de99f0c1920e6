package org.medpub.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medpub.cms.translation.control.LocaleFallback;

class ListedLocalesTest {

    private final ListedLocales listed = new ListedLocales();

    ListedLocalesTest() {
        listed.fallback = new LocaleFallback() {
            @Override
            public List<String> chain(String tag) {
                return tag.equals("es-MX") ? List.of("es-MX", "es", "en") : List.of(tag, "en");
            }
        };
    }

    @Test
    void anIndexListsTheArticlesOfItsWholeFallbackChain() {
        listed.listFallback = true;

        assertEquals(List.of("es-MX", "es", "en"), listed.of("es-MX"));
        assertEquals(List.of("ar", "en"), listed.of("ar"));
    }

    @Test
    void withoutListFallbackAnIndexListsOnlyItsOwnLocale() {
        listed.listFallback = false;

        assertEquals(List.of("es-MX"), listed.of("es-MX"));
        assertEquals(List.of("ar"), listed.of("ar"));
    }
}
