package org.medpub.cms.article.boundary;

import java.util.List;
import java.util.Locale;
import org.medpub.cms.article.control.Readability;
import org.medpub.cms.article.control.ReadabilityFormula;

/**
 * A readability report as the API gives it. {@code formula} is null for a language without one
 * (Arabic), {@code score} null then and for a text without words; {@code revision} names the
 * revision measured, null for a text sent to {@code POST /api/readability}.
 */
public record ReadabilityView(String locale, Integer revision, FormulaView formula, Double score, Double target,
        boolean beyondTarget, int sentences, int words, int syllables, double wordsPerSentence, double lettersPerWord,
        int longSentenceWords, int longSentenceCount, List<Readability.LongSentence> longSentences,
        List<Readability.Flag> glossary) {

    /** The formula: a stable key, the name it is cited by, and whether its figure is a {@code grade} or an {@code ease}. */
    public record FormulaView(String key, String name, String kind) {
        static FormulaView of(ReadabilityFormula formula) {
            return formula == null ? null : new FormulaView(formula.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    formula.title(), formula.grade() ? "grade" : "ease");
        }
    }

    static ReadabilityView of(Readability.Report report, Integer revision) {
        return new ReadabilityView(report.locale(), revision, FormulaView.of(report.formula()), report.score(), report.target(),
                report.beyondTarget(), report.sentences(), report.words(), report.syllables(), report.wordsPerSentence(),
                report.lettersPerWord(), report.longSentenceWords(), report.longSentenceCount(), report.longSentences(),
                report.glossary());
    }
}
