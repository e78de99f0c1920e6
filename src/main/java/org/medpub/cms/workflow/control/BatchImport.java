package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.platform.entity.UserAccount;
import org.medpub.cms.workflow.entity.MedicalReview;
import org.medpub.cms.workflow.entity.ReviewDecision;

/**
 * Writes a batch of articles in one transaction, all or nothing: every line is checked before the
 * first row is written, against the batch itself and with a few queries for the whole batch (slugs
 * in use, reviewers), so that a refusal names its line and nothing is stored.
 * <p>
 * A published variant is live as if it had gone through the workflow: the named medical reviewer's
 * sign-off of the imported revision is recorded (without checklist items, which were confirmed
 * outside the product), its re-review dates are kept, and each variant's trail gets one
 * {@code import} line. One {@link ArticlesImported} tells the rest of the product about the batch.
 * <p>
 * Rows are written {@link #CHUNK} articles at a time with JDBC batches: articles and variants first,
 * flushed, then their revisions (which name the variants), reviews and trail lines, which makes the
 * variants point at their revisions. The persistence context is cleared after each chunk, so that a
 * flush compares only the chunk's objects.
 */
@ApplicationScoped
@Transactional
public class BatchImport {

    /** Articles written between two flushes. */
    static final int CHUNK = 100;
    /** Slugs asked about in one query. */
    private static final int SLUGS_PER_QUERY = 1000;

    /** The article a batch line became. */
    public record Imported(int line, long id) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    UserDirectory users;

    @Inject
    EnabledLocales locales;

    @Inject
    AuditTrail auditTrail;

    @Inject
    ReReviews reReviews;

    @Inject
    Event<ArticlesImported> imported;

    /** A refusal of a batch line's field: the problem names the line and the field. */
    public static BusinessException.InvalidInput refusal(int line, String field, String message) {
        return new BusinessException.InvalidInput("Line " + line + ", " + field + ": " + message,
                List.of(new BusinessException.FieldError("line " + line + ": " + field, message)));
    }

    @Transactional
    public List<Imported> importAll(List<BatchArticle> batch, Actor actor) {
        EditorialPermissions.requireImportBatches(actor);
        List<BatchArticle> canonical = batch.stream().map(this::withCanonicalLocales).toList();
        Map<String, UserAccount> reviewers = reviewers(canonical, actor);
        requireFreeSlugs(canonical);
        Instant now = clock.instant();
        List<Imported> result = new ArrayList<>(canonical.size());
        Map<Long, Set<String>> published = new LinkedHashMap<>();
        for (int from = 0; from < canonical.size(); from += CHUNK) {
            List<BatchArticle> chunk = canonical.subList(from, Math.min(canonical.size(), from + CHUNK));
            List<List<ArticleVariant>> variants = new ArrayList<>(chunk.size());
            for (BatchArticle line : chunk) {
                variants.add(newArticle(line, actor, now));
            }
            // the variants' rows exist before any revision names them
            em.flush();
            for (int i = 0; i < chunk.size(); i++) {
                BatchArticle line = chunk.get(i);
                Set<String> live = write(line, variants.get(i), reviewers.get(line.reviewer()), actor, now);
                long id = variants.get(i).get(0).getArticle().getId();
                result.add(new Imported(line.line(), id));
                if (!live.isEmpty()) {
                    published.put(id, live);
                }
            }
            em.flush();
            em.clear();
        }
        reReviews.keepSignOffDates(published.keySet());
        imported.fire(new ArticlesImported(result.stream().map(Imported::id).toList(), published, actor.username(), now));
        return result;
    }

    /** The article and its variants, without revisions yet: the source first, then the translations in order. */
    private List<ArticleVariant> newArticle(BatchArticle line, Actor actor, Instant now) {
        var article = new Article(line.sourceLocale(), actor.username(), now);
        em.persist(article);
        List<ArticleVariant> variants = new ArrayList<>(1 + line.translations().size());
        variants.add(new ArticleVariant(article, line.sourceLocale(), line.source().slug(), now));
        line.translations().forEach(t -> variants.add(new ArticleVariant(article, t.locale(), t.content().slug(), now)));
        variants.forEach(em::persist);
        return variants;
    }

    /** The revisions, sign-offs and trail lines of one article; answers the locales it published. */
    private Set<String> write(BatchArticle line, List<ArticleVariant> variants, UserAccount reviewer, Actor actor,
            Instant now) {
        Set<String> live = new TreeSet<>();
        ArticleVariant source = variants.get(0);
        if (line.previous() != null) {
            revise(source, line.previous(), actor, now);
        }
        Revision current = revise(source, line.source(), actor, now);
        finish(source, line.published(), reviewer, actor, now, live);
        for (int i = 0; i < line.translations().size(); i++) {
            BatchArticle.Translation translation = line.translations().get(i);
            int translates = translation.translatesPrevious() ? current.getNumber() - 1 : current.getNumber();
            RevisionContent content = translation.content();
            revise(variants.get(i + 1), new RevisionContent(content.title(), content.slug(), content.summary(),
                    content.body(), content.topics(), content.references(), content.changeNote(),
                    content.safetyRelevant(), translates, false), actor, now);
            finish(variants.get(i + 1), translation.published(), reviewer, actor, now, live);
        }
        return live;
    }

    private Revision revise(ArticleVariant variant, RevisionContent content, Actor actor, Instant now) {
        var revision = new Revision(variant, content, actor.username(), now);
        em.persist(revision);
        variant.advanceTo(revision);
        return revision;
    }

    private void finish(ArticleVariant variant, boolean publish, UserAccount reviewer, Actor actor, Instant now,
            Set<String> live) {
        Revision current = variant.getCurrent();
        String note = null;
        if (publish) {
            note = "signed off by " + reviewer.getUsername() + " before the import";
            em.persist(new MedicalReview(current, ReviewDecision.APPROVED, reviewer.getUsername(),
                    reviewer.getDisplayName(), reviewer.getCredentials(), note, Set.of(), now));
            variant.publish(current, now);
            live.add(variant.getLocale());
        }
        auditTrail.record(variant, current, AuditTrail.IMPORT, null, variant.getState(), actor.username(), note);
    }

    private BatchArticle withCanonicalLocales(BatchArticle line) {
        String source = enabled(line.line(), "sourceLocale", line.sourceLocale());
        Set<String> seen = new HashSet<>(Set.of(source));
        List<BatchArticle.Translation> translations = new ArrayList<>();
        for (int i = 0; i < line.translations().size(); i++) {
            BatchArticle.Translation t = line.translations().get(i);
            String field = "translations[" + i + "]";
            String locale = enabled(line.line(), field + ".locale", t.locale());
            if (!seen.add(locale)) {
                throw refusal(line.line(), field + ".locale", locale.equals(source)
                        ? "The source is in " + locale + "; a translation needs another locale"
                        : "The article has a second translation into " + locale);
            }
            if (t.translatesPrevious() && line.previous() == null) {
                throw refusal(line.line(), field + ".translatesPrevious",
                        "The source has no previous revision to translate: the line has no previousBody");
            }
            translations.add(new BatchArticle.Translation(locale, t.content(), t.published(), t.translatesPrevious()));
        }
        return new BatchArticle(line.line(), source, line.previous(), line.source(), line.published(), line.reviewer(),
                translations);
    }

    private String enabled(int line, String field, String locale) {
        return locales.find(locale).orElseThrow(() -> refusal(line, field,
                "'" + locale + "' is not an enabled locale; enabled are " + String.join(", ", locales.all())));
    }

    /** The medical reviewers the batch names, each an open account that did not write what they sign off (four eyes). */
    private Map<String, UserAccount> reviewers(List<BatchArticle> batch, Actor actor) {
        Map<String, UserAccount> found = new HashMap<>();
        for (BatchArticle line : batch) {
            if (!line.publishesAny()) {
                continue;
            }
            if (line.reviewer() == null || line.reviewer().isBlank()) {
                throw refusal(line.line(), "reviewer", "A published locale needs the medical reviewer who signed it off");
            }
            if (line.reviewer().equals(actor.username())) {
                throw refusal(line.line(), "reviewer", "The revisions are imported by " + actor.username()
                        + ", who may not sign them off too; name another medical reviewer");
            }
            if (!found.containsKey(line.reviewer())) {
                UserAccount reviewer = users.find(line.reviewer())
                        .filter(u -> u.isActive() && u.getRoles().contains(Role.MEDICAL_REVIEWER))
                        .orElseThrow(() -> refusal(line.line(), "reviewer",
                                "'" + line.reviewer() + "' is not a medical reviewer with an open account"));
                found.put(reviewer.getUsername(), reviewer);
            }
        }
        return found;
    }

    /** Each slug once per locale, within the batch and against every article stored. */
    private void requireFreeSlugs(List<BatchArticle> batch) {
        Map<String, String> fieldOf = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (BatchArticle line : batch) {
            claim(fieldOf, lineOf, line.line(), "slug", line.sourceLocale(), line.source().slug());
            for (int i = 0; i < line.translations().size(); i++) {
                BatchArticle.Translation t = line.translations().get(i);
                claim(fieldOf, lineOf, line.line(), "translations[" + i + "].slug", t.locale(), t.content().slug());
            }
        }
        // per locale, so that the unique index (locale, slug) finds them
        Map<String, List<String>> slugsByLocale = new HashMap<>();
        fieldOf.keySet().forEach(key -> slugsByLocale.computeIfAbsent(key.substring(0, key.indexOf(' ')),
                locale -> new ArrayList<>()).add(key.substring(key.indexOf(' ') + 1)));
        List<String> taken = new ArrayList<>();
        slugsByLocale.forEach((locale, slugs) -> {
            for (int from = 0; from < slugs.size(); from += SLUGS_PER_QUERY) {
                em.createQuery("select v.slug from ArticleVariant v where v.locale = :locale and v.slug in :slugs",
                                String.class)
                        .setParameter("locale", locale)
                        .setParameter("slugs", slugs.subList(from, Math.min(slugs.size(), from + SLUGS_PER_QUERY)))
                        .getResultList()
                        .forEach(slug -> taken.add(locale + " " + slug));
            }
        });
        taken.stream().min(Comparator.comparing(lineOf::get)).ifPresent(key -> {
            String locale = key.substring(0, key.indexOf(' '));
            throw refusal(lineOf.get(key), fieldOf.get(key), "Another article in " + locale
                    + " already uses the slug '" + key.substring(key.indexOf(' ') + 1) + "'");
        });
    }

    private static void claim(Map<String, String> fieldOf, Map<String, Integer> lineOf, int line, String field,
            String locale, String slug) {
        String key = locale + " " + slug;
        Integer earlier = lineOf.putIfAbsent(key, line);
        if (earlier != null) {
            throw refusal(line, field, "Line " + earlier + " of the batch already uses the slug '" + slug + "' in " + locale);
        }
        fieldOf.put(key, field);
    }
}
