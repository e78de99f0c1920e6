package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.translation.control.XliffFixtures.ARTICLE;
import static org.medpub.cms.translation.control.XliffFixtures.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.control.ImageTexts;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.translation.control.TranslationCheck.TranslatedImage;
import org.medpub.cms.translation.control.XliffWriter.ExportedUnit;
import org.medpub.cms.translation.control.XliffWriter.Suggestion;

/** The alt texts and captions of an article's images as units of its XLIFF file, out and back in. */
class ImageUnitsTest {

    static final String BODY = XliffFixtures.BODY.replace("\n\n- Take", "\n\n![](media:7@2)\n\nThen ![](media:9@1) and"
            + " ![again](media:7@2).\n\n- Take");
    static final RevisionContent SOURCE = source(BODY);
    static final Map<Long, ImageTexts.Texts> ENGLISH = Map.of(
            7L, new ImageTexts.Texts("A migraine aura", "Zigzag lines before an attack"),
            9L, new ImageTexts.Texts("A pill box", null));

    /** The CMS of the other tests, with the images' English texts. */
    final TranslationCheck.Facts facts = new TranslationCheck.Facts() {
        final XliffFixtures.Facts cms = new XliffFixtures.Facts(SOURCE);

        @Override
        public Optional<String> sourceLocale(long articleId) {
            return cms.sourceLocale(articleId);
        }

        @Override
        public Optional<String> enabledLocale(String tag) {
            return cms.enabledLocale(tag);
        }

        @Override
        public List<String> enabledLocales() {
            return cms.enabledLocales();
        }

        @Override
        public boolean mayTranslateInto(String locale) {
            return cms.mayTranslateInto(locale);
        }

        @Override
        public int currentSourceRevision(long articleId) {
            return cms.currentSourceRevision(articleId);
        }

        @Override
        public Optional<RevisionContent> sourceRevision(long articleId, int number) {
            return cms.sourceRevision(articleId, number);
        }

        @Override
        public List<TranslationUnit> imageUnits(RevisionContent revision) {
            return ImageUnits.units(revision.body(), ENGLISH);
        }
    };

    @Test
    void eachImageShownGivesAUnitPerTextItsSourceLanguageHasInTheOrderTheBodyShowsThem() {
        List<TranslationUnit> units = ImageUnits.units(BODY, ENGLISH);

        assertEquals(List.of("media-7-alt", "media-7-caption", "media-9-alt"), units.stream().map(TranslationUnit::id).toList());
        assertEquals(UnitKind.ALT_TEXT, units.get(0).kind());
        assertEquals("cms:alt-text", units.get(0).kind().type());
        assertEquals(UnitKind.CAPTION, units.get(1).kind());
        assertEquals(List.of(), ImageUnits.units(XliffFixtures.BODY, ENGLISH), "an article without images has none");
        assertEquals(Optional.of(7L), ImageUnits.item("media-7-caption"));
        assertEquals(Optional.empty(), ImageUnits.item("body-7"));
    }

    @Test
    void translatedImageTextsComeBackWithTheTranslation() {
        var translation = imported(file(words -> words.toUpperCase(Locale.ROOT)), facts);

        assertEquals(List.of(new TranslatedImage(7, "A MIGRAINE AURA", "ZIGZAG LINES BEFORE AN ATTACK"),
                new TranslatedImage(9, "A PILL BOX", null)), translation.images());
        assertTrue(translation.body().contains("![](media:7@2)"), translation.body());
        assertEquals(11, translation.units(), "8 of the article, 3 of its images");
    }

    @Test
    void anImageTextLeftEmptyOrLeftOutStaysAsTheLibraryHasIt() {
        String file = file(words -> words.equals("A pill box") ? "" : words.toUpperCase(Locale.ROOT));
        String withoutCaption = file.replaceAll("(?s)<unit id=\"media-7-caption\".*?</unit>", "");

        var translation = imported(withoutCaption, facts);

        assertEquals(List.of(new TranslatedImage(7, "A MIGRAINE AURA", null)), translation.images());
    }

    @Test
    void aUnitOfAnImageTheArticleDoesNotShowIsRefused() {
        String file = file(words -> words.toUpperCase(Locale.ROOT)).replace("\"media-9-alt\"", "\"media-99-alt\"")
                .replace("\"media-7-caption\"", "\"media-9-caption\"");

        XliffRejected refused = assertThrows(XliffRejected.class, () -> imported(file, facts));

        String problems = refused.errors().toString();
        assertTrue(problems.contains("Unit media-99-alt is not in revision 1 of the article: it does not show image 99"), problems);
        assertTrue(problems.contains("Unit media-9-caption is not in revision 1 of the article: image 9 has no such text"
                + " in the source language to translate"), problems);
        assertEquals(2, refused.errors().size(), problems);
    }

    @Test
    void anAltTextOverTheLibrarysLimitAndAnOutdatedSourceAreRefused() {
        String file = file(words -> words.equals("A migraine aura") ? "x".repeat(ImageTexts.ALT_MAX + 1)
                : words.toUpperCase(Locale.ROOT)).replace("<source>A pill box</source>", "<source>A pill tin</source>");

        XliffRejected refused = assertThrows(XliffRejected.class, () -> imported(file, facts));

        String problems = refused.errors().toString();
        assertTrue(problems.contains("unit media-7-alt: the alt text may have at most 1000 characters"), problems);
        assertTrue(problems.contains("unit media-9-alt: the source is not what the media library says"), problems);
    }

    private static TranslationCheck.CheckedTranslation imported(String file, TranslationCheck.Facts facts) {
        return TranslationCheck.check(XliffReader.read(file.getBytes(StandardCharsets.UTF_8)), facts);
    }

    /** The exported file with the image units after the article's, every target its source with the words changed. */
    private static String file(UnaryOperator<String> words) {
        List<ExportedUnit> units = new ArrayList<>();
        List<TranslationUnit> all = new ArrayList<>(TranslatableText.units(SOURCE));
        all.addAll(ImageUnits.units(BODY, ENGLISH));
        for (TranslationUnit unit : all) {
            units.add(new ExportedUnit(unit, XliffFixtures.translated(unit.source().content(), words), Suggestion.NONE));
        }
        return new String(XliffWriter.write(new XliffWriter.Header(ARTICLE, "en", "es", 1), units), StandardCharsets.UTF_8);
    }
}
