package org.medpub.cms.article.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A phrase that contradicts a statement in one locale ("not addictive"): an article of that
 * locale that contains it, in any case, is checked by its reviewer before approval.
 */
@Entity
@Table(name = "contradicting_phrase")
public class ContradictingPhrase {

    @Id
    @SequenceGenerator(name = "contradicting_phrase_seq", sequenceName = "contradicting_phrase_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contradicting_phrase_seq")
    private Long id;

    @Column(name = "statement_id", updatable = false)
    private long statementId;

    @Column(updatable = false)
    private String locale;

    @Column(updatable = false)
    private String phrase;

    protected ContradictingPhrase() {
    }

    public ContradictingPhrase(long statementId, String locale, String phrase) {
        this.statementId = statementId;
        this.locale = locale;
        this.phrase = phrase;
    }

    public long getStatementId() {
        return statementId;
    }

    public String getLocale() {
        return locale;
    }

    public String getPhrase() {
        return phrase;
    }
}
