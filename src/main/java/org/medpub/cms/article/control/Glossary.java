package org.medpub.cms.article.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * The plain-language glossary of each enabled locale (table {@code glossary_term}, migration V29):
 * terms readers may not know, each with what to write instead. A term is one per locale whatever
 * its letter case; editors and admins add, change and remove terms ({@link EditorialPermissions#mayEditGlossary}).
 * {@link Readability} flags the terms a text uses.
 */
@ApplicationScoped
@Transactional
public class Glossary {

    public static final int TERM_MAX = 100;
    public static final int SUGGESTION_MAX = 200;
    /** A glossary is read whole for every readability report: it stays this small. */
    public static final int TERMS_MAX = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    EnabledLocales locales;

    /** A term and what to write instead. */
    public record Term(String term, String suggestion) {
    }

    /** The result of writing a term: the term as stored, and whether it was new. */
    public record Written(Term term, boolean created) {
    }

    /** A locale's glossary: the locale as enabled ({@code es-MX}, however it was asked for) and its terms. */
    public record Terms(String locale, List<Term> terms) {
    }

    /** The locale's terms in alphabetical order (of their lower case); an unknown locale is 404. */
    public Terms list(String locale) {
        String tag = enabled(locale);
        return new Terms(tag, terms(tag));
    }

    /** The terms of a locale as {@link Readability} needs them; none for a locale that is not enabled. */
    public List<Term> terms(String locale) {
        List<?> rows = em.createNativeQuery("select term, suggestion from glossary_term where locale = ?1 order by term_key"
                        + " fetch first " + TERMS_MAX + " rows only")
                .setParameter(1, locale).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new Term((String) row[0], (String) row[1])).toList();
    }

    /**
     * Adds the term to the locale's glossary, or gives the term of that spelling (any letter case)
     * this suggestion and spelling. Refused, with nothing changed: an actor who may not (403), an
     * unknown locale (404), a blank or too long term or suggestion (400), a full glossary (409).
     */
    public Written write(String locale, String term, String suggestion, Actor actor) {
        EditorialPermissions.requireEditGlossary(actor);
        String tag = enabled(locale);
        String cleanTerm = clean(term);
        String cleanSuggestion = clean(suggestion);
        if (cleanTerm.isEmpty() || cleanTerm.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new BusinessException.InvalidInput("term", "required: the word or words readers may not know");
        }
        String key = cleanTerm.toLowerCase(Locale.ROOT);
        if (key.length() > TERM_MAX || cleanTerm.length() > TERM_MAX) {
            throw new BusinessException.InvalidInput("term", "at most " + TERM_MAX + " characters");
        }
        if (cleanSuggestion.isEmpty()) {
            throw new BusinessException.InvalidInput("suggestion", "required: what to write instead");
        }
        if (cleanSuggestion.length() > SUGGESTION_MAX) {
            throw new BusinessException.InvalidInput("suggestion", "at most " + SUGGESTION_MAX + " characters");
        }
        try {
            int updated = em.createNativeQuery("update glossary_term set term = ?1, suggestion = ?2, updated_by = ?3, updated_at = current_timestamp"
                            + " where locale = ?4 and term_key = ?5")
                    .setParameter(1, cleanTerm).setParameter(2, cleanSuggestion).setParameter(3, actor.username())
                    .setParameter(4, tag).setParameter(5, key)
                    .executeUpdate();
            if (updated == 0) {
                long count = ((Number) em.createNativeQuery("select count(*) from glossary_term where locale = ?1")
                        .setParameter(1, tag).getSingleResult()).longValue();
                if (count >= TERMS_MAX) {
                    throw new BusinessException.Conflict("glossary-full", "The " + tag + " glossary has " + TERMS_MAX
                            + " terms, its most; remove one first");
                }
                em.createNativeQuery("insert into glossary_term (locale, term, term_key, suggestion, updated_by, updated_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, current_timestamp)")
                        .setParameter(1, tag).setParameter(2, cleanTerm).setParameter(3, key).setParameter(4, cleanSuggestion)
                        .setParameter(5, actor.username())
                        .executeUpdate();
            }
            return new Written(new Term(cleanTerm, cleanSuggestion), updated == 0);
        } catch (PersistenceException raced) {
            // someone added the same term between the update and the insert
            throw new BusinessException.Conflict("glossary-term-taken", "'" + cleanTerm + "' was just added to the "
                    + tag + " glossary by someone else; read the glossary again");
        }
    }

    /** Removes the term (any letter case) from the locale's glossary; 404 when it has none. */
    public void remove(String locale, String term, Actor actor) {
        EditorialPermissions.requireEditGlossary(actor);
        String tag = enabled(locale);
        int removed = em.createNativeQuery("delete from glossary_term where locale = ?1 and term_key = ?2")
                .setParameter(1, tag).setParameter(2, clean(term).toLowerCase(Locale.ROOT))
                .executeUpdate();
        if (removed == 0) {
            throw new BusinessException.NotFound("The " + tag + " glossary has no term '" + clean(term) + "'");
        }
    }

    private String enabled(String locale) {
        return locales.find(locale)
                .orElseThrow(() -> new BusinessException.NotFound("'" + locale + "' is not an enabled locale"));
    }

    private static String clean(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }
}
