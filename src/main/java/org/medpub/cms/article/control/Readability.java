package org.medpub.cms.article.control;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How plain a text is in its language: the figure of the language's readability formula
 * ({@link ReadabilityFormula}; Arabic and other languages get none, only the mean lengths), the
 * sentences longer than {@code cms.readability.long-sentence-words}, and the terms of the locale's
 * plain-language {@link Glossary} it uses. A figure beyond the target ({@code cms.readability.target-grade}
 * for a grade, {@code cms.readability.target-ease} for a reading ease) is a warning for the writer,
 * never a reason to refuse a save or an approval. Sentences and words are found by ICU's break
 * iterators (in English with CLDR's abbreviations that end no sentence, "Mr.", "e.g."), syllables by
 * {@link Syllables}; the text is the one readers see, Markdown's marks left out.
 */
@ApplicationScoped
public class Readability {

    /** At most this many long sentences are quoted in a report; the count says how many there are. */
    static final int LONG_SENTENCES_SHOWN = 50;

    /** What a text is measured against: the long-sentence threshold and the targets per kind of figure. */
    public record Targets(int longSentenceWords, double grade, double ease) {
    }

    /** A sentence longer than the threshold, as written, with its number of words. */
    public record LongSentence(String text, int words) {
    }

    /** A glossary term found in the text: how it is written there the first time, how often, and what to say instead. */
    public record Flag(String term, String suggestion, String found, int occurrences) {
    }

    /**
     * The readability of a text. {@code formula} and {@code score} are null for a language without a
     * formula (and {@code score} for a text without words); {@code target} is the figure the score is
     * held to, {@code beyondTarget} whether it misses it (a warning only).
     */
    public record Report(String locale, ReadabilityFormula formula, Double score, Double target, boolean beyondTarget,
            int sentences, int words, int syllables, double wordsPerSentence, double lettersPerWord,
            int longSentenceWords, int longSentenceCount, List<LongSentence> longSentences, List<Flag> glossary) {
    }

    @Inject
    Glossary glossary;

    @Inject
    @ConfigProperty(name = "cms.readability.long-sentence-words")
    int longSentenceWords;

    @Inject
    @ConfigProperty(name = "cms.readability.target-grade")
    double targetGrade;

    @Inject
    @ConfigProperty(name = "cms.readability.target-ease")
    double targetEase;

    /** The report of a Markdown body in an enabled locale, with the locale's glossary. */
    public Report of(String markdown, String locale) {
        if (locale == null) {
            // a text whose locale is not known yet is measured as of no language: lengths only
            return of(markdown, "und");
        }
        return measure(ReadingTime.seenText(markdown), locale, new Targets(longSentenceWords, targetGrade, targetEase),
                glossary.terms(locale));
    }

    /** The report of plain text (blocks ending in line breaks) in the locale, with these glossary terms. */
    static Report measure(String text, String locale, Targets targets, List<Glossary.Term> terms) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        ULocale language = ULocale.forLanguageTag(locale);
        String code = language.getLanguage().toLowerCase(Locale.ROOT);
        // CLDR's English abbreviations ("Mr.", "e.g.") end no sentence; its German list also holds
        // common words ("Trinken Sie Wasser." would not end), so other languages break at every full stop
        BreakIterator sentenceBreaks = BreakIterator.getSentenceInstance("en".equals(code)
                ? language.setKeywordValue("ss", "standard") : language);
        BreakIterator wordBreaks = BreakIterator.getWordInstance(language);
        sentenceBreaks.setText(plain);
        int sentences = 0;
        int words = 0;
        int syllables = 0;
        int letters = 0;
        int longCount = 0;
        List<LongSentence> longSentences = new ArrayList<>();
        for (int start = sentenceBreaks.first(), end = sentenceBreaks.next(); end != BreakIterator.DONE;
                start = end, end = sentenceBreaks.next()) {
            String sentence = plain.substring(start, end).strip();
            wordBreaks.setText(sentence);
            int inSentence = 0;
            for (int from = wordBreaks.first(), to = wordBreaks.next(); to != BreakIterator.DONE; from = to, to = wordBreaks.next()) {
                if (wordBreaks.getRuleStatus() == BreakIterator.WORD_NONE) {
                    continue;
                }
                String word = sentence.substring(from, to);
                inSentence++;
                syllables += Syllables.count(word, code);
                letters += (int) word.codePoints().filter(Character::isLetter).count();
            }
            if (inSentence == 0) {
                continue;
            }
            sentences++;
            words += inSentence;
            if (inSentence > targets.longSentenceWords()) {
                longCount++;
                if (longSentences.size() < LONG_SENTENCES_SHOWN) {
                    longSentences.add(new LongSentence(sentence.replaceAll("\\s+", " "), inSentence));
                }
            }
        }
        ReadabilityFormula formula = ReadabilityFormula.of(code);
        Double score = formula == null || words == 0 ? null : round(formula.score(words, sentences, syllables));
        Double target = formula == null ? null : formula.grade() ? targets.grade() : targets.ease();
        boolean beyond = score != null && (formula.grade() ? score > target : score < target);
        return new Report(locale, formula, score, target, beyond, sentences, words, formula == null ? 0 : syllables,
                words == 0 ? 0 : round((double) words / sentences), words == 0 ? 0 : round((double) letters / words),
                targets.longSentenceWords(), longCount, List.copyOf(longSentences), flags(plain, terms));
    }

    /** Each term the text uses, case-insensitively and as whole words (its words apart by any spaces or line breaks). */
    static List<Flag> flags(String text, List<Glossary.Term> terms) {
        List<Flag> flags = new ArrayList<>();
        for (Glossary.Term term : terms) {
            String[] parts = Normalizer.normalize(term.term(), Normalizer.Form.NFC).strip().split("\\s+");
            StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
            for (int i = 0; i < parts.length; i++) {
                regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(parts[i]));
            }
            regex.append("(?![\\p{L}\\p{N}])");
            Matcher found = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
            String first = null;
            int occurrences = 0;
            while (found.find()) {
                first = first == null ? found.group().replaceAll("\\s+", " ") : first;
                occurrences++;
            }
            if (occurrences > 0) {
                flags.add(new Flag(term.term(), term.suggestion(), first, occurrences));
            }
        }
        return List.copyOf(flags);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
