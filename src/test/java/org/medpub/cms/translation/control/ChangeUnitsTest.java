package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.translation.control.XliffFixtures.ARTICLE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.entity.ArticleFields;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.translation.control.XliffWriter.ExportedUnit;
import org.medpub.cms.translation.control.XliffWriter.Suggestion;

/** The source's notes to readers ("What changed") as units of the article's XLIFF file, out and back in. */
class ChangeUnitsTest {

    static final RevisionContent SOURCE = XliffFixtures.source(XliffFixtures.BODY);
    static final List<TranslationUnit> NOTES = List.of(
            ChangeUnits.unit(1, "Dosing advice for children corrected"),
            ChangeUnits.unit(1_000, "Advice on triptans added"));

    /** The CMS of the other tests, whose source told readers two notes. */
    final XliffFixtures.Facts facts = new XliffFixtures.Facts(SOURCE) {
        @Override
        public List<TranslationUnit> changeUnits(int sourceRevision) {
            return NOTES;
        }
    };

    @Test
    void aNoteIsAUnitNamedAfterItsSourceRevision() {
        assertEquals("change-1000", NOTES.get(1).id());
        assertEquals("cms:change-note", NOTES.get(0).kind().type());
        assertEquals(java.util.Optional.of(1_000), ChangeUnits.sourceRevision("change-1000"));
        assertEquals(java.util.Optional.empty(), ChangeUnits.sourceRevision("media-1-alt"));
    }

    @Test
    void translatedNotesComeBackWithTheTranslationByTheirSourceRevision() {
        var translation = imported(file(words -> words.toUpperCase(Locale.ROOT), NOTES));

        assertEquals(Map.of(1, "DOSING ADVICE FOR CHILDREN CORRECTED", 1_000, "ADVICE ON TRIPTANS ADDED"),
                translation.changeNotes());
    }

    @Test
    void aNoteLeftOutOrLeftEmptyIsNotTranslatedAndNotAProblem() {
        String file = file(words -> words.equals("Advice on triptans added") ? "" : words.toUpperCase(Locale.ROOT), NOTES);

        assertEquals(Map.of(1, "DOSING ADVICE FOR CHILDREN CORRECTED"), imported(file).changeNotes());
        assertEquals(Map.of(), imported(file(words -> words.toUpperCase(Locale.ROOT), List.of())).changeNotes());
    }

    @Test
    void anUnknownNoteAndOneOverTheLimitAreRefused() {
        String file = file(words -> words.startsWith("Dosing") ? "x".repeat(ArticleFields.NOTE_MAX + 1)
                : words.toUpperCase(Locale.ROOT), NOTES).replace("\"change-1000\"", "\"change-7\"");

        XliffRejected refused = assertThrows(XliffRejected.class, () -> imported(file));

        String problems = refused.errors().toString();
        assertTrue(problems.contains("unit change-1: the change note may have at most 500 characters"), problems);
        assertTrue(problems.contains("Unit change-7 is not in revision 1 of the article"), problems);
    }

    private TranslationCheck.CheckedTranslation imported(String file) {
        return TranslationCheck.check(XliffReader.read(file.getBytes(StandardCharsets.UTF_8)), facts);
    }

    /** The exported file with the notes after the article's units, every target its source with the words changed. */
    private static String file(UnaryOperator<String> words, List<TranslationUnit> notes) {
        List<TranslationUnit> all = new ArrayList<>(TranslatableText.units(SOURCE));
        all.addAll(notes);
        List<ExportedUnit> units = new ArrayList<>();
        for (TranslationUnit unit : all) {
            units.add(new ExportedUnit(unit, XliffFixtures.translated(unit.source().content(), words), Suggestion.NONE));
        }
        return new String(XliffWriter.write(new XliffWriter.Header(ARTICLE, "en", "es", 1), units), StandardCharsets.UTF_8);
    }
}
