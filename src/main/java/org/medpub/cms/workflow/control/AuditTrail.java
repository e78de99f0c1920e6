package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medpub.cms.article.control.Statements;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.workflow.entity.AuditEvent;

/**
 * The append-only record of what happened to an article in a locale, oldest first. The lines of
 * steps that carry a time or a person keep them in their note in one plain form ("to publish at
 * 2026-12-03T08:00:00Z: comment", "assigned to reviewer"), written and read back here alone, so
 * that screens can say them in words.
 */
@ApplicationScoped
@Transactional
public class AuditTrail {

    /** Audit actions that are not workflow steps: a save, and the steps around a schedule or an assignment. */
    public static final String CREATE = "create";
    public static final String SAVE = "save";
    public static final String SCHEDULE = "schedule";
    public static final String UNSCHEDULE = "unschedule";
    public static final String ASSIGN = "assign";
    /** A reviewer confirmed they checked the contradicting phrases of a revision they signed off. */
    public static final String CLAIM_CHECK = "claim-check";
    /** A statement the article shows was published anew (in a locale): what readers see of it changed. */
    public static final String STATEMENT_PUBLISHED = "statement-published";
    /** A variant that arrived through a batch import, in the state the batch gave it. */
    public static final String IMPORT = "import";

    private static final String SCHEDULED_PREFIX = "to publish at ";
    private static final String PUBLISHED_AS_SCHEDULED_PREFIX = "scheduled for ";
    private static final String ASSIGNED_PREFIX = "assigned to ";
    private static final String UNASSIGNED = "unassigned";
    private static final String NO_REFERENCES_PREFIX = "no references needed: ";

    /**
     * What a line's note says in a form a screen can put in words; the time or person is null when the
     * note names none, {@code noReferencesReason} when the line is no sign-off without references.
     */
    public record Note(Instant at, String person, String comment, String noReferencesReason) {

        public Note(Instant at, String person, String comment) {
            this(at, person, comment, null);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    void record(ArticleVariant variant, Revision revision, String action, WorkflowState from, WorkflowState to,
            String actor, String comment) {
        em.persist(new AuditEvent(variant.getArticle().getId(), variant.getLocale(), revision.getNumber(), action, from,
                to, actor, clock.instant(), comment));
    }

    /** The current title of each article and locale the lines name, by {@code articleId + "/" + locale}. */
    public Map<String, String> titles(Collection<AuditEvent> events) {
        Map<String, String> titles = new HashMap<>();
        List<Long> articles = events.stream().map(AuditEvent::getArticleId).distinct().toList();
        if (!articles.isEmpty()) {
            em.createQuery("select v.article.id, v.locale, r.title from ArticleVariant v join v.current r"
                            + " where v.article.id in :articles", Object[].class)
                    .setParameter("articles", articles)
                    .getResultList()
                    .forEach(row -> titles.put(row[0] + "/" + row[1], (String) row[2]));
        }
        return titles;
    }

    static String scheduleNote(Instant at, String comment) {
        return withComment(SCHEDULED_PREFIX + at, comment);
    }

    static String publishedAsScheduledNote(Instant at) {
        return PUBLISHED_AS_SCHEDULED_PREFIX + at;
    }

    /** A sign-off's note: the reason why no reference is needed, on its own line before the comment, when there is one. */
    static String signOffNote(String noReferencesReason, String comment) {
        if (noReferencesReason == null) {
            return comment;
        }
        return NO_REFERENCES_PREFIX + noReferencesReason + (comment == null ? "" : "\n" + comment);
    }

    /** The phrases a reviewer checked: {@code "not addictive" (statement 12 "Ketamine and dependence"): the sentence}. */
    static String claimCheckNote(List<Statements.Finding> findings) {
        String note = findings.stream().map(f -> "\"" + f.phrase() + "\" (statement " + f.statementId() + " \""
                + f.statementTitle() + "\"): " + f.sentence()).collect(java.util.stream.Collectors.joining("; "));
        return note.length() > 4000 ? note.substring(0, 3999) + "…" : note;
    }

    /** What a statement's publication says in the trail of an article that shows it. */
    static String statementNote(long statementId, String slug, String locale, int revision, String changeNote) {
        return "statement " + statementId + " \"" + slug + "\" revision " + revision + " published in " + locale
                + (changeNote == null ? "" : ": " + changeNote);
    }

    static String assignmentNote(String reviewer) {
        return reviewer == null ? UNASSIGNED : ASSIGNED_PREFIX + reviewer;
    }

    /**
     * The note of a line read back: the time of a schedule or of a scheduled publication, the
     * reviewer of an assignment, and what the person wrote; a note of another form is all comment.
     */
    public static Note note(AuditEvent event) {
        String comment = event.getComment();
        if (comment == null) {
            return new Note(null, null, null);
        }
        if (ASSIGN.equals(event.getAction())) {
            return comment.equals(UNASSIGNED) ? new Note(null, null, null)
                    : comment.startsWith(ASSIGNED_PREFIX) ? new Note(null, comment.substring(ASSIGNED_PREFIX.length()), null)
                    : new Note(null, null, comment);
        }
        boolean signOff = WorkflowAction.APPROVE.key().equals(event.getAction())
                || WorkflowAction.REAPPROVE.key().equals(event.getAction());
        if (signOff && comment.startsWith(NO_REFERENCES_PREFIX)) {
            // the reason is one line (Transitions makes it so): the comment follows on the next
            int end = comment.indexOf('\n');
            return new Note(null, null, end < 0 ? null : comment.substring(end + 1),
                    comment.substring(NO_REFERENCES_PREFIX.length(), end < 0 ? comment.length() : end));
        }
        String prefix = SCHEDULE.equals(event.getAction()) || UNSCHEDULE.equals(event.getAction()) ? SCHEDULED_PREFIX
                : WorkflowAction.PUBLISH.key().equals(event.getAction()) ? PUBLISHED_AS_SCHEDULED_PREFIX : null;
        if (prefix == null || !comment.startsWith(prefix)) {
            return new Note(null, null, comment);
        }
        String rest = comment.substring(prefix.length());
        // an instant's text has no space, so the first ": " ends it
        int end = rest.indexOf(": ");
        try {
            return new Note(Instant.parse(end < 0 ? rest : rest.substring(0, end)), null,
                    end < 0 ? null : rest.substring(end + 2));
        } catch (DateTimeParseException notATime) {
            return new Note(null, null, comment);
        }
    }

    private static String withComment(String note, String comment) {
        return comment == null ? note : note + ": " + comment;
    }

    public List<AuditEvent> history(long articleId, String locale) {
        return em.createQuery("select e from AuditEvent e where e.articleId = :article and e.locale = :locale"
                        + " order by e.id", AuditEvent.class)
                .setParameter("article", articleId)
                .setParameter("locale", locale)
                .getResultList();
    }

    /** The newest lines of every article's trail, newest first: the team's recent activity. */
    public List<AuditEvent> recent(int limit) {
        return em.createQuery("select e from AuditEvent e order by e.id desc", AuditEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
