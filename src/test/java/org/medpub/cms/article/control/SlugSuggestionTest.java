package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medpub.cms.article.entity.ArticleFields;

class SlugSuggestionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Living with migraine | living-with-migraine",
        "Migräne: Ursachen & Behandlung | migrane-ursachen-behandlung",
        "Café, crème brûlée — élan | cafe-creme-brulee-elan",
        "Ημικρανία | emikrania",
        "Мигрень у детей | migren-u-detej",
        "الصداع النصفي | alsda-alnsfy",
        "  --COVID-19 vaccines!  | covid-19-vaccines",
    })
    void transliteratesEveryScriptIntoPlainLatin(String title, String slug) {
        assertEquals(slug, SlugSuggestion.fromTitle(title));
    }

    @Test
    void everySuggestionIsAValidSlugOfAtMostEightyCharacters() {
        Pattern rule = Pattern.compile(ArticleFields.SLUG);
        for (String title : new String[] {"偏头痛的治疗", "Ǆemal ʻOkina", "!!!", "", "x".repeat(300),
                "word ".repeat(40), "नमस्ते दुनिया"}) {
            String slug = SlugSuggestion.fromTitle(title);
            assertTrue(rule.matcher(slug).matches(), () -> title + " -> " + slug);
            assertTrue(slug.length() <= 80, () -> title + " -> " + slug);
        }
    }

    @Test
    void aTitleWithoutLettersGivesAPlaceholder() {
        assertEquals("article", SlugSuggestion.fromTitle("!!! ???"));
    }
}
