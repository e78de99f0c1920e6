package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The readability formulas against worked examples computed by hand from their published
 * definitions, and the sentence split, syllable counts and glossary flags they rest on, on small
 * sentences in each language.
 */
class ReadabilityTest {

    private static final Readability.Targets TARGETS = new Readability.Targets(25, 8, 60);
    private static final double EXACT = 1e-9;

    // 100 words in 5 sentences with 150 syllables: 20 words per sentence, 1.5 syllables per word

    @Test
    void fleschKincaidGradeIsPoint39WordsPerSentencePlus11Point8SyllablesPerWordMinus15Point59() {
        // 0.39 × 20 + 11.8 × 1.5 − 15.59 = 7.8 + 17.7 − 15.59
        assertEquals(9.91, ReadabilityFormula.FLESCH_KINCAID_GRADE.score(100, 5, 150), EXACT);
    }

    @Test
    void fernandezHuertaIs206Point84Minus0Point60SyllablesMinus1Point02SentencesPer100Words() {
        // P = 150 syllables and F = 5 sentences per 100 words: 206.84 − 0.60 × 150 − 1.02 × 5
        assertEquals(111.74, ReadabilityFormula.FERNANDEZ_HUERTA.score(100, 5, 150), EXACT);
        // per 100 words: 200 words, 4 sentences, 360 syllables is P = 180, F = 2: 206.84 − 108 − 2.04
        assertEquals(96.8, ReadabilityFormula.FERNANDEZ_HUERTA.score(200, 4, 360), EXACT);
    }

    @Test
    void kandelMolesIs207Minus1Point015WordsPerSentenceMinus73Point6SyllablesPerWord() {
        // 207 − 1.015 × 20 − 73.6 × 1.5 = 207 − 20.3 − 110.4
        assertEquals(76.3, ReadabilityFormula.KANDEL_MOLES.score(100, 5, 150), EXACT);
    }

    @Test
    void amstadIs180MinusWordsPerSentenceMinus58Point5SyllablesPerWord() {
        // 180 − 20 − 58.5 × 1.5 = 180 − 20 − 87.75
        assertEquals(72.25, ReadabilityFormula.AMSTAD.score(100, 5, 150), EXACT);
    }

    @Test
    void anEnglishSentenceIsMeasuredByTheFleschKincaidGrade() {
        // 6 words of one syllable in 1 sentence: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
        var report = Readability.measure("The cat sat on the mat.", "en", TARGETS, List.of());
        assertEquals(ReadabilityFormula.FLESCH_KINCAID_GRADE, report.formula());
        assertEquals(1, report.sentences());
        assertEquals(6, report.words());
        assertEquals(6, report.syllables());
        assertEquals(-1.45, report.score(), 0.051, "rounded to one decimal");
        assertEquals(8, report.target(), EXACT);
        assertFalse(report.beyondTarget());
    }

    @Test
    void aSpanishSentenceIsMeasuredByFernandezHuerta() {
        // el(1) pe-rro(2) co-me(2) en(1) la(1) ca-sa(2): 9 syllables, 6 words, 1 sentence;
        // P = 150, F = 16.67: 206.84 − 90 − 17 = 99.84
        var report = Readability.measure("El perro come en la casa.", "es", TARGETS, List.of());
        assertEquals(ReadabilityFormula.FERNANDEZ_HUERTA, report.formula());
        assertEquals(6, report.words());
        assertEquals(9, report.syllables());
        assertEquals(99.8, report.score(), EXACT);
        assertEquals(60, report.target(), EXACT);
        assertFalse(report.beyondTarget());
    }

    @Test
    void aFrenchSentenceIsMeasuredByKandelMoles() {
        // le(1) chat(1) mange(1) une(1) pomme(1), mute final e not counted: 5 syllables, 5 words;
        // 207 − 1.015 × 5 − 73.6 × 1 = 128.325
        var report = Readability.measure("Le chat mange une pomme.", "fr", TARGETS, List.of());
        assertEquals(ReadabilityFormula.KANDEL_MOLES, report.formula());
        assertEquals(5, report.words());
        assertEquals(5, report.syllables());
        assertEquals(128.3, report.score(), EXACT);
    }

    @Test
    void aGermanSentenceIsMeasuredByAmstad() {
        // der(1) Hund(1) spielt(1) im(1) Gar-ten(2): 6 syllables, 5 words; 180 − 5 − 58.5 × 1.2 = 104.8
        var report = Readability.measure("Der Hund spielt im Garten.", "de", TARGETS, List.of());
        assertEquals(ReadabilityFormula.AMSTAD, report.formula());
        assertEquals(5, report.words());
        assertEquals(6, report.syllables());
        assertEquals(104.8, report.score(), EXACT);
    }

    @Test
    void arabicGetsSentenceAndWordLengthsOnly() {
        // 4 + 3 words in 2 sentences; letters 3 + 5 + 3 + 7 + 3 + 4 + 5 = 30 over 7 words
        var report = Readability.measure("ذهب الولد إلى المدرسة. كان الجو جميلا.", "ar", TARGETS, List.of());
        assertNull(report.formula());
        assertNull(report.score());
        assertNull(report.target());
        assertFalse(report.beyondTarget());
        assertEquals(2, report.sentences());
        assertEquals(7, report.words());
        assertEquals(3.5, report.wordsPerSentence(), EXACT);
        assertEquals(4.3, report.lettersPerWord(), EXACT);
    }

    @Test
    void aFigureBeyondTheTargetIsAWarning() {
        var hard = Readability.measure("Pharmacological interventions necessitate individualized consideration.", "en", TARGETS, List.of());
        assertTrue(hard.score() > 8, () -> "grade " + hard.score());
        assertTrue(hard.beyondTarget());
        var spanish = Readability.measure("Las intervenciones farmacológicas necesitan consideración individualizada.", "es", TARGETS, List.of());
        assertTrue(spanish.score() < 60, () -> "ease " + spanish.score());
        assertTrue(spanish.beyondTarget());
    }

    @Test
    void sentencesAreSplitByIcuWithoutBreakingAfterKnownAbbreviations() {
        assertEquals(2, Readability.measure("Mr. Smith saw the patient. She was fine!", "en", TARGETS, List.of()).sentences());
        assertEquals(3, Readability.measure("¿Le duele? Tome agua. Descanse.", "es", TARGETS, List.of()).sentences());
        assertEquals(2, Readability.measure("Prenez ce médicament. Appelez un médecin !", "fr", TARGETS, List.of()).sentences());
        assertEquals(2, Readability.measure("Trinken Sie Wasser. Rufen Sie den Arzt.", "de", TARGETS, List.of()).sentences());
        assertEquals(2, Readability.measure("هل تشعر بالألم؟ اتصل بالطبيب.", "ar", TARGETS, List.of()).sentences());
    }

    @Test
    void aHeadingWithoutAFullStopIsASentenceOfItsOwn() {
        var report = Readability.measure(ReadingTime.seenText("# Heart attack\n\nCall **911** now."), "en", TARGETS, List.of());
        assertEquals(2, report.sentences());
        assertEquals(5, report.words());
    }

    @Test
    void syllablesAreCountedByEachLanguagesVowelGroups() {
        assertEquals(2, Syllables.count("table", "en"));
        assertEquals(1, Syllables.count("make", "en"));
        assertEquals(1, Syllables.count("heart", "en"));
        assertEquals(2, Syllables.count("attack", "en"));
        assertEquals(5, Syllables.count("readability", "en"));
        assertEquals(1, Syllables.count("911", "en"));

        assertEquals(2, Syllables.count("día", "es"));
        assertEquals(2, Syllables.count("leer", "es"));
        assertEquals(2, Syllables.count("cielo", "es"));
        assertEquals(5, Syllables.count("medicamento", "es"));

        assertEquals(1, Syllables.count("table", "fr"));
        assertEquals(1, Syllables.count("tables", "fr"));
        assertEquals(3, Syllables.count("médecin", "fr"));
        assertEquals(2, Syllables.count("santé", "fr"));

        assertEquals(3, Syllables.count("Gesundheit", "de"));
        assertEquals(2, Syllables.count("Bauer", "de"));
        assertEquals(3, Syllables.count("Herzinfarkt", "de"));
        assertEquals(3, Syllables.count("Theater", "de"));
    }

    @Test
    void sentencesLongerThanTheThresholdAreListed() {
        var report = Readability.measure("Rest now. Take one tablet with water after each meal.", "en",
                new Readability.Targets(5, 8, 60), List.of());
        assertEquals(1, report.longSentenceCount());
        assertEquals(List.of(new Readability.LongSentence("Take one tablet with water after each meal.", 8)), report.longSentences());
        assertEquals(5, report.longSentenceWords());
    }

    @Test
    void glossaryTermsAreFlaggedAsWholeWordsInAnyCaseAcrossLineBreaks() {
        var terms = List.of(new Glossary.Term("myocardial infarction", "heart attack"), new Glossary.Term("renal", "kidney"),
                new Glossary.Term("hypertension", "high blood pressure"));
        var report = Readability.measure("A Myocardial\ninfarction is serious. MYOCARDIAL INFARCTION needs care. Adrenaline helps.",
                "en", TARGETS, terms);
        assertEquals(List.of(new Readability.Flag("myocardial infarction", "heart attack", "Myocardial infarction", 2)),
                report.glossary(), "'renal' inside 'Adrenaline' is no whole word");
    }
}
