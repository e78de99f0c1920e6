package org.medpub.cms.article.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * For whom an article is written: patients and the people who care for them, or health
 * professionals. Readers see it on the page; search engines as schema.org {@code audience}.
 */
public enum Audience {
    PATIENTS("patients"),
    PROFESSIONALS("professionals");

    private final String value;

    Audience(String value) {
        this.value = value;
    }

    /** How the API and the i18n keys spell it. */
    public String value() {
        return value;
    }

    public static Optional<Audience> of(String value) {
        return Arrays.stream(values()).filter(a -> a.value.equals(value)).findFirst();
    }
}
