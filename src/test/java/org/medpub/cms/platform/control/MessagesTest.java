package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final ZonedDateTime LATE_EVENING_UTC = ZonedDateTime.of(2026, 11, 24, 23, 5, 0, 0, ZoneOffset.UTC);

    @Test
    void eachLanguageGetsItsOwnBundle() {
        for (String tag : new String[] {"es", "de", "fr", "ar"}) {
            Messages words = Messages.in(Locale.forLanguageTag(tag));
            assertEquals(tag, words.language().toLanguageTag());
        }
        assertEquals("Quellen", Messages.in(Locale.GERMAN).text("article.references"));
    }

    @Test
    void aLanguageWithoutBundleGetsTheEnglishBaseNotTheServersLocale() {
        Locale server = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            Messages italian = Messages.in(Locale.ITALIAN);
            assertEquals(Locale.ENGLISH, italian.language());
            assertEquals("References", italian.text("article.references"));
        } finally {
            Locale.setDefault(server);
        }
    }

    @Test
    void aRegionalVariantUsesItsLanguagesWordsAndItsOwnDateConventions() {
        Messages mexican = Messages.in(Locale.forLanguageTag("es-MX"));
        Messages british = Messages.in(Locale.forLanguageTag("en-GB"));

        assertEquals("es", mexican.language().toLanguageTag());
        assertTrue(british.format("preview.banner.expires", Map.of("expiresAt", LATE_EVENING_UTC)).contains("24 November 2026"));
    }

    @Test
    void datesAreShownInTheZoneTheyCarry() {
        Messages english = Messages.in(Locale.ENGLISH);

        assertTrue(english.format("preview.banner.expires", Map.of("expiresAt", LATE_EVENING_UTC)).contains("November 24, 2026"));
        assertTrue(english.format("preview.banner.expires",
                Map.of("expiresAt", LATE_EVENING_UTC.withZoneSameInstant(ZoneOffset.ofHours(9)))).contains("November 25, 2026"));
    }

    @Test
    void pluralsFollowTheRulesOfEachLanguage() {
        Messages arabic = Messages.in(Locale.forLanguageTag("ar"));
        Map<Integer, String> shown = new LinkedHashMap<>();
        for (int count : new int[] {0, 1, 2, 3, 11, 100}) {
            shown.put(count, arabic.format("site.search.results", Map.of("count", count, "query", "صداع")));
        }
        assertEquals(Map.of(
                0, "لم يُعثر على أي مقال عن «صداع»",
                1, "عُثر على مقال واحد عن «صداع»",
                2, "عُثر على مقالين عن «صداع»",
                3, "عُثر على 3 مقالات عن «صداع»",
                11, "عُثر على 11 مقالًا عن «صداع»",
                100, "عُثر على 100 مقال عن «صداع»"), shown);
        assertEquals("1\u202f000\u202f000 d’articles trouvés pour «\u00a0migraine\u00a0»",
                Messages.in(Locale.FRENCH).format("site.search.results", Map.of("count", 1_000_000, "query", "migraine")));
    }

    @Test
    void theMedicalReviewLineReadsNaturally() {
        String spanish = Messages.in(Locale.forLanguageTag("es")).format("article.review.byNameWithCredentials",
                Map.of("reviewer", "Dra. Ana Ruiz", "credentials", "médica, psiquiatría", "date", LATE_EVENING_UTC));

        assertEquals("Revisión médica de Dra. Ana Ruiz, médica, psiquiatría, el 24 de noviembre de 2026", spanish);
    }

    @Test
    void hasTellsWhetherAKeyExists() {
        assertTrue(Messages.in(Locale.ENGLISH).has("article.references"));
        assertFalse(Messages.in(Locale.ENGLISH).has("article.nothing.here"));
    }
}
