package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.workflow.entity.ChangeLogEntry;
import org.medpub.cms.workflow.entity.ChangeNoteTranslation;

/**
 * The public change log of each page and locale ("What changed"). The one rule: when a revision
 * of a locale is published, every note told to readers by a revision of that locale up to the
 * published one that the locale's log does not have yet becomes an entry, dated with the time of
 * publication. So a note joins the log only once a revision that has it goes live, with all notes
 * of the revisions since the previously published one, and a note of a draft that is never
 * published never does. In the source language the notes are the change notes of revisions marked
 * {@code tellReaders}; in a translation they are those notes as translated in its XLIFF files
 * ({@link ChangeNoteTranslation}), the newest translation of each; a source note that no
 * translation carries is not shown in that language. Which revisions tell readers is asked in plain
 * SQL ({@code tell_readers} as the condition): EclipseLink writes a JPQL {@code true}, literal or bound,
 * as 1 for H2, which refuses to compare a boolean with an integer.
 */
@ApplicationScoped
@Transactional
public class ChangeLog {

    /** The most notes one XLIFF file offers for translation: the newest of the source. */
    public static final int NOTES_PER_FILE = 20;
    /** The most entries one publication adds: more notes than this since the last one are not read at once. */
    private static final int ENTRIES_PER_PUBLICATION = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    ArticleStore articles;

    void onPublished(@Observes WorkflowTransitioned step) {
        if (step.action() != WorkflowAction.PUBLISH) {
            return;
        }
        ArticleVariant variant = articles.variant(step.articleId(), step.locale()).orElseThrow();
        Revision live = variant.getLive().orElse(null);
        if (live == null) {
            return;
        }
        Instant at = variant.getPublishedAt().orElse(step.at());
        if (variant.isSource()) {
            for (Revision told : untoldNotes(variant, live.getNumber())) {
                em.persist(new ChangeLogEntry(variant, told.getNumber(), live.getNumber(), told.getChangeNote(),
                        told.isSafetyRelevant(), at));
            }
        } else {
            Map<Integer, String> translated = untoldTranslations(variant, live.getNumber());
            Map<Integer, Boolean> safety = safetyOf(variant.getArticle().sourceVariant(), translated.keySet());
            translated.forEach((origin, note) -> em.persist(new ChangeLogEntry(variant, origin, live.getNumber(), note,
                    safety.getOrDefault(origin, false), at)));
        }
    }

    /** The newest entries of a locale's log, newest first. */
    public List<ChangeLogEntry> newest(ArticleVariant variant, int limit) {
        return em.createQuery("select e from ChangeLogEntry e where e.variant = :variant"
                        + " order by e.publishedAt desc, e.originRevision desc", ChangeLogEntry.class)
                .setParameter("variant", variant)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many entries a locale's log has. */
    public long count(ArticleVariant variant) {
        return em.createQuery("select count(e) from ChangeLogEntry e where e.variant = :variant", Long.class)
                .setParameter("variant", variant)
                .getSingleResult();
    }

    /** The source's revisions up to a number whose notes are told to readers, newest first: what an XLIFF file offers. */
    public List<Revision> notesToTranslate(ArticleVariant source, int upTo) {
        return revisions(source, numbers(em.createNativeQuery("select r.revision_no from revision r where r.variant_id = ?1"
                        + " and r.tell_readers and r.revision_no <= ?2 order by r.revision_no desc")
                .setParameter(1, source.getId())
                .setParameter(2, upTo)
                .setMaxResults(NOTES_PER_FILE)), true);
    }

    /** The notes a translation has translated so far, by source revision: the newest translation of each. */
    public Map<Integer, String> translatedNotes(ArticleVariant translation) {
        Map<Integer, String> notes = new LinkedHashMap<>();
        em.createQuery("select t from ChangeNoteTranslation t where t.revision.variant = :variant"
                        + " order by t.revision.number desc", ChangeNoteTranslation.class)
                .setParameter("variant", translation)
                .setMaxResults(ENTRIES_PER_PUBLICATION)
                .getResultStream()
                .forEach(t -> notes.putIfAbsent(t.getSourceRevision(), t.getNote()));
        return notes;
    }

    /** Keeps the notes an XLIFF file translated with the translated revision it made. */
    public void translated(Revision revision, Map<Integer, String> notes) {
        notes.forEach((sourceRevision, note) -> em.persist(new ChangeNoteTranslation(revision, sourceRevision, note)));
    }

    private List<Revision> untoldNotes(ArticleVariant variant, int upTo) {
        return revisions(variant, numbers(em.createNativeQuery("select r.revision_no from revision r where r.variant_id = ?1"
                        + " and r.tell_readers and r.revision_no <= ?2 and not exists (select 1 from change_log_entry e"
                        + " where e.variant_id = ?3 and e.statement_id = 0 and e.origin_revision = r.revision_no) order by r.revision_no")
                .setParameter(1, variant.getId())
                .setParameter(2, upTo)
                .setParameter(3, variant.getId())
                .setMaxResults(ENTRIES_PER_PUBLICATION)), false);
    }

    private static List<Integer> numbers(jakarta.persistence.Query query) {
        return ((List<?>) query.getResultList()).stream().map(n -> ((Number) n).intValue()).toList();
    }

    /** The variant's revisions of these numbers, in order of number. */
    private List<Revision> revisions(ArticleVariant variant, List<Integer> numbers, boolean newestFirst) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from Revision r where r.variant = :variant and r.number in :numbers order by r.number"
                        + (newestFirst ? " desc" : ""), Revision.class)
                .setParameter("variant", variant)
                .setParameter("numbers", numbers)
                .getResultList();
    }

    private Map<Integer, String> untoldTranslations(ArticleVariant variant, int upTo) {
        Map<Integer, String> notes = new LinkedHashMap<>();
        em.createQuery("select t from ChangeNoteTranslation t where t.revision.variant = :variant"
                        + " and t.revision.number <= :upTo and not exists (select e from ChangeLogEntry e"
                        + " where e.variant = :variant and e.statementId = 0 and e.originRevision = t.sourceRevision)"
                        + " order by t.revision.number desc", ChangeNoteTranslation.class)
                .setParameter("variant", variant)
                .setParameter("upTo", upTo)
                .setMaxResults(ENTRIES_PER_PUBLICATION)
                .getResultStream()
                .forEach(t -> notes.putIfAbsent(t.getSourceRevision(), t.getNote()));
        return notes;
    }

    private Map<Integer, Boolean> safetyOf(ArticleVariant source, Set<Integer> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select r.number, r.safetyRelevant from Revision r where r.variant = :variant"
                        + " and r.number in :numbers", Object[].class)
                .setParameter("variant", source)
                .setParameter("numbers", numbers)
                .getResultStream()
                .collect(Collectors.toMap(row -> (Integer) row[0], row -> (Boolean) row[1]));
    }
}
