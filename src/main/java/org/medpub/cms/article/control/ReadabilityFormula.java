package org.medpub.cms.article.control;

/**
 * The readability formula of a language, as published, from the counts of a text's sentences,
 * words and syllables. A grade (Flesch-Kincaid) is the school year a reader needs, lower is
 * easier; a reading ease (the others, on Flesch's 0–100 scale) is higher for easier text.
 */
public enum ReadabilityFormula {

    /** Kincaid et al. (1975): 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
    FLESCH_KINCAID_GRADE("Flesch-Kincaid grade", true) {
        @Override
        double score(double words, double sentences, double syllables) {
            return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
        }
    },
    /** Fernández Huerta (1959): 206.84 − 0.60 × syllables per 100 words − 1.02 × sentences per 100 words. */
    FERNANDEZ_HUERTA("Fernández-Huerta", false) {
        @Override
        double score(double words, double sentences, double syllables) {
            return 206.84 - 0.60 * (100 * syllables / words) - 1.02 * (100 * sentences / words);
        }
    },
    /** Kandel and Moles (1958): 207 − 1.015 × words per sentence − 73.6 × syllables per word. */
    KANDEL_MOLES("Kandel-Moles", false) {
        @Override
        double score(double words, double sentences, double syllables) {
            return 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words);
        }
    },
    /** Amstad (1978): 180 − words per sentence − 58.5 × syllables per word. */
    AMSTAD("Amstad", false) {
        @Override
        double score(double words, double sentences, double syllables) {
            return 180 - (words / sentences) - 58.5 * (syllables / words);
        }
    };

    private final String title;
    private final boolean grade;

    ReadabilityFormula(String title, boolean grade) {
        this.title = title;
        this.grade = grade;
    }

    /** The formula's name as its authors are cited. */
    public String title() {
        return title;
    }

    /** Whether the figure is a school grade (lower is easier) rather than a reading ease (higher is easier). */
    public boolean grade() {
        return grade;
    }

    abstract double score(double words, double sentences, double syllables);

    /** The formula for a language (the primary subtag of a locale), or null: Arabic and others have none here. */
    public static ReadabilityFormula of(String language) {
        return switch (language) {
            case "en" -> FLESCH_KINCAID_GRADE;
            case "es" -> FERNANDEZ_HUERTA;
            case "fr" -> KANDEL_MOLES;
            case "de" -> AMSTAD;
            default -> null;
        };
    }
}
