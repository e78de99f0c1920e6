package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.platform.entity.InstantConverter;
import org.medpub.cms.workflow.entity.MedicalReview;
import org.medpub.cms.workflow.entity.ReviewDecision;

/**
 * Medical content ages: what readers see is due for review again {@code cms.review.interval}
 * (default twelve months) after its last sign-off, and is listed from {@code cms.review.due-soon}
 * before that date. Once it is overdue by more than {@code cms.review.overdue-grace}, readers are
 * told so on the page and the dashboard marks it.
 */
@ApplicationScoped
@Transactional
public class ReReviews {

    private static final int ARTICLES_PER_STATEMENT = 500;

    /** A published variant (its live revision's title and number) and when it was last signed off and is due again. */
    public record Due(long variantId, long articleId, String locale, String title, int liveRevision, Instant lastReviewed,
            Instant dueAt, boolean overdue, boolean pastGrace) {
    }

    /**
     * The review dates readers see: the last sign-off, when the next review is due, and from when
     * the page says that it is overdue (the due date plus the grace period).
     */
    public record Dates(Instant lastReviewed, Instant dueAt, Instant overdueFrom) {

        public boolean overdueAt(Instant now) {
            return !overdueFrom.isAfter(now);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cms.review.interval")
    String interval;

    @Inject
    @ConfigProperty(name = "cms.review.due-soon")
    String dueSoon;

    @Inject
    @ConfigProperty(name = "cms.review.overdue-grace")
    String overdueGrace;

    /** Where a list of re-reviews due goes on: after this last sign-off, and after this variant among those of the same instant. */
    public record After(Instant signedOff, long variantId) {
    }

    /**
     * The published variants due for review again within {@code cms.review.due-soon}, or overdue, soonest first:
     * the last sign-off (approval or re-approval) of each live revision, at most {@code limit} of them after
     * {@code after} (from the first when null), in one statement.
     */
    @SuppressWarnings("unchecked")
    public List<Due> dueOrOverdue(After after, int limit) {
        Instant now = clock.instant();
        // the limit is in the SQL: a native query's setMaxResults only stops the driver reading
        var query = em.createNativeQuery("select v.id, v.article_id, v.locale, r.title, r.revision_no,"
                        + " max(m.reviewed_at) as signed_off from variant v join revision r on r.id = v.live_revision_id"
                        + " join medical_review m on m.variant_id = v.id and m.revision_id = v.live_revision_id"
                        + " and m.decision <> 'REJECTED'"
                        + " group by v.id, v.article_id, v.locale, r.title, r.revision_no"
                        + " having max(m.reviewed_at) <= ?1"
                        + (after == null ? "" : " and (max(m.reviewed_at) > ?2 or (max(m.reviewed_at) = ?2 and v.id > ?3))")
                        + " order by signed_off, v.id limit " + Math.max(0, limit))
                .setParameter(1, dueIfSignedOffBy().atOffset(ZoneOffset.UTC));
        if (after != null) {
            query.setParameter(2, after.signedOff().atOffset(ZoneOffset.UTC)).setParameter(3, after.variantId());
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> {
            Instant lastReviewed = InstantConverter.fromColumn(row[5]);
            Dates dates = dates(lastReviewed);
            return new Due(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2], (String) row[3],
                    ((Number) row[4]).intValue(), lastReviewed, dates.dueAt(), !dates.dueAt().isAfter(now),
                    dates.overdueAt(now));
        }).toList();
    }

    /** The last sign-off of what readers see in this variant: the "last reviewed" date. Read-only: not to be changed. */
    public Optional<MedicalReview> lastSignOff(ArticleVariant variant) {
        return em.createQuery("select m from MedicalReview m where m.variant = :variant and m.revision = :live"
                        + " and m.decision <> :rejected order by m.reviewedAt desc", MedicalReview.class)
                .setHint("eclipselink.read-only", true)
                .setParameter("variant", variant)
                .setParameter("live", variant.getLive().orElse(null))
                .setParameter("rejected", ReviewDecision.REJECTED)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * Keeps the last sign-off of what readers see on the variant, and the earliest of its
     * article's, for the articles list's order by next review and its "due" filter. Only a step
     * that changes what readers see (a publication, taking off line, a re-approval) changes them;
     * this runs in that step's transaction.
     */
    void keepSignOffDates(@Observes WorkflowTransitioned step) {
        if (!step.rule().changesWhatReadersSee()) {
            return;
        }
        ArticleVariant variant = em.createQuery("select v from ArticleVariant v where v.article.id = :article"
                        + " and v.locale = :locale", ArticleVariant.class)
                .setParameter("article", step.articleId())
                .setParameter("locale", step.locale())
                .getSingleResult();
        Optional<Instant> signedOff = variant.getLive().isEmpty() ? Optional.empty()
                : lastSignOff(variant).map(MedicalReview::getReviewedAt);
        if (signedOff.isPresent()) {
            em.createNativeQuery("update variant set live_signed_off_at = ?1 where id = ?2")
                    .setParameter(1, signedOff.get().atOffset(ZoneOffset.UTC))
                    .setParameter(2, variant.getId())
                    .executeUpdate();
        } else {
            em.createNativeQuery("update variant set live_signed_off_at = null where id = ?1")
                    .setParameter(1, variant.getId())
                    .executeUpdate();
        }
        em.createNativeQuery("update article set signed_off_at = (select min(v.live_signed_off_at) from variant v"
                        + " where v.article_id = ?1) where id = ?2")
                .setParameter(1, step.articleId())
                .setParameter(2, step.articleId())
                .executeUpdate();
    }

    /**
     * The same dates for many articles at once, in a few statements, after a batch import published
     * them (it fires no step per variant); runs in the import's transaction, after its rows are flushed.
     */
    public void keepSignOffDates(Collection<Long> articleIds) {
        List<Long> ids = List.copyOf(articleIds);
        for (int from = 0; from < ids.size(); from += ARTICLES_PER_STATEMENT) {
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + ARTICLES_PER_STATEMENT));
            String in = some.stream().map(id -> "?").collect(Collectors.joining(",", "(", ")"));
            var variants = em.createNativeQuery("update variant set live_signed_off_at = (select max(m.reviewed_at)"
                    + " from medical_review m where m.variant_id = variant.id and m.revision_id = variant.live_revision_id"
                    + " and m.decision <> 'REJECTED') where article_id in " + in);
            var articles = em.createNativeQuery("update article set signed_off_at = (select min(v.live_signed_off_at)"
                    + " from variant v where v.article_id = article.id) where id in " + in);
            for (int i = 0; i < some.size(); i++) {
                variants.setParameter(i + 1, some.get(i));
                articles.setParameter(i + 1, some.get(i));
            }
            variants.executeUpdate();
            articles.executeUpdate();
        }
    }

    /**
     * A live revision last signed off at or before this instant is due for review again, or will
     * be within {@code cms.review.due-soon}: what the dashboard lists and the articles list filters.
     */
    public Instant dueIfSignedOffBy() {
        return clock.instant().atOffset(ZoneOffset.UTC).plus(Period.parse(dueSoon)).minus(Period.parse(interval)).toInstant();
    }

    public Instant dueAt(Instant lastReviewed) {
        return lastReviewed.atOffset(ZoneOffset.UTC).plus(Period.parse(interval)).toInstant();
    }

    /** The dates of a page last signed off at this instant. */
    public Dates dates(Instant lastReviewed) {
        Instant dueAt = dueAt(lastReviewed);
        return new Dates(lastReviewed, dueAt, dueAt.atOffset(ZoneOffset.UTC).plus(grace()).toInstant());
    }

    public Instant now() {
        return clock.instant();
    }

    /** The grace period as an ISO-8601 period (P14D) or, for less than a day, a duration (PT12H). */
    private java.time.temporal.TemporalAmount grace() {
        return overdueGrace.contains("T") ? Duration.parse(overdueGrace) : Period.parse(overdueGrace);
    }
}
