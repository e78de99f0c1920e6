package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageNamesTest {

    @Test
    void namesALanguageInAnotherAsCldrDoes() {
        assertEquals("Spanish", LanguageNames.inText("es", Locale.ENGLISH));
        assertEquals("Spanisch", LanguageNames.inText("es", Locale.GERMAN));
        assertEquals("árabe", LanguageNames.inText("ar", Locale.forLanguageTag("es")));
        assertEquals("español (México)", LanguageNames.inText("es-MX", Locale.forLanguageTag("es")));
    }

    @Test
    void capitalizesForAListOrMenuAsTheLanguageDoes() {
        assertEquals("Español", LanguageNames.inList("es", Locale.forLanguageTag("es")));
        assertEquals("español", LanguageNames.inText("es", Locale.forLanguageTag("es")));
        // asked again: the same answer, from what was kept
        assertEquals("Español", LanguageNames.inList("es", Locale.forLanguageTag("es")));
    }

    @Test
    void noTagIsNoName() {
        assertEquals("", LanguageNames.inText(null, Locale.ENGLISH));
        assertEquals("", LanguageNames.inList(" ", Locale.ENGLISH));
    }
}
