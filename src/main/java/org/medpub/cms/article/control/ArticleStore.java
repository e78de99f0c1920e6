package org.medpub.cms.article.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.EditorialPermissions;

/**
 * Creates articles and saves revisions, refusing whoever {@link EditorialPermissions} does not
 * let write them. A save never changes an earlier revision; it adds one and makes it current.
 * Saves of one locale variant are serialised by a row lock, so of several editors who loaded the
 * same revision, the first to save wins and the others are told. A saved revision deletes its
 * author's autosaved draft of the locale in the same transaction.
 */
@ApplicationScoped
@Transactional
public class ArticleStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<RevisionSaved> saved;

    @Inject
    AutosavedDrafts drafts;

    @Inject
    Statements statements;

    @Inject
    Instance<ArticleImages> images;

    /** The outcome of a save: the new revision and whether it started a new locale variant. */
    public record Saved(Revision revision, boolean newVariant) {
    }

    @Transactional
    public Revision create(String sourceLocale, RevisionContent content, Actor author) {
        return create(sourceLocale, content, author, false);
    }

    /** A new article, or a new statement ({@link Statements}), with its first revision in its source locale. */
    @Transactional
    public Revision create(String sourceLocale, RevisionContent content, Actor author, boolean statement) {
        EditorialPermissions.requireCreateArticles(author);
        requireNoteForReaders(content, true);
        if (!statement) {
            statements.requireKnown(content.body());
        }
        var now = clock.instant();
        var article = statement ? Article.statement(sourceLocale, author.username(), now)
                : new Article(sourceLocale, author.username(), now);
        em.persist(article);
        drafts.forget(author.username(), null, sourceLocale);
        return addRevision(newVariant(article, sourceLocale, content.slug()), content, author.username());
    }

    /**
     * Saves a new revision of the article in a locale.
     *
     * @param expectedRevision what the caller's {@code If-Match} matches against, or null when it sent none
     */
    @Transactional
    public Saved save(long articleId, String locale, RevisionContent content, Actor actor,
            RevisionPrecondition expectedRevision) {
        var article = find(articleId).orElseThrow(() -> notFound(articleId));
        EditorialPermissions.requireEdit(actor, article.getSourceLocale(), locale);
        requireNoteForReaders(content, locale.equals(article.getSourceLocale()));
        if (!article.isStatement()) {
            statements.requireKnown(content.body());
        }
        String author = actor.username();
        var variant = lockedVariant(article, locale);
        // the revision now holds what the author's autosave kept: both or neither
        drafts.forget(author, articleId, locale);
        if (variant.isEmpty()) {
            if (expectedRevision.sent()) {
                throw new BusinessException.StaleRevision("The article has no " + locale + " version yet to match If-Match against");
            }
            requireSourceRevision(article, content.sourceRevision());
            return new Saved(addRevision(newVariant(article, locale, content.slug()), content, author), true);
        }
        var existing = variant.get();
        expectedRevision.check(existing.getCurrent().getNumber());
        if (!existing.isSource()) {
            requireSourceRevision(article, content.sourceRevision());
        }
        return new Saved(addRevision(existing, content, author), false);
    }

    /**
     * The slug itself when no other article in the locale uses it, else the first of
     * {@code slug-2}, {@code slug-3}, … that is free.
     */
    public String freeSlug(String locale, String slug) {
        var taken = em.createQuery("select v.slug from ArticleVariant v where v.locale = :locale"
                        + " and (v.slug = :slug or v.slug like :numbered)", String.class)
                .setParameter("locale", locale)
                .setParameter("slug", slug)
                .setParameter("numbered", slug + "-%")
                .getResultList();
        String candidate = slug;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = slug + "-" + n;
        }
        return candidate;
    }

    /** The article with its locale variants and their current and live revisions, in one query. */
    public Optional<Article> find(long id) {
        return em.createQuery("select distinct a from Article a left join fetch a.variants v"
                        + " left join fetch v.current left join fetch v.live where a.id = :id", Article.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public Optional<ArticleVariant> variant(long articleId, String locale) {
        return find(articleId).flatMap(a -> a.variant(locale));
    }

    public Optional<Revision> revision(ArticleVariant variant, int number) {
        return em.createQuery("select r from Revision r where r.variant = :variant and r.number = :number", Revision.class)
                .setParameter("variant", variant)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    public List<Revision> revisions(ArticleVariant variant) {
        return em.createQuery("select r from Revision r where r.variant = :variant order by r.number desc", Revision.class)
                .setParameter("variant", variant)
                .getResultList();
    }

    /**
     * A page of locale variants, newest article first, after the cursor (a variant id).
     *
     * @param titleWords words that must all occur in the current title, any case; empty for all
     */
    public List<ArticleVariant> list(String locale, WorkflowState state, List<String> titleWords, Long after, int limit) {
        StringBuilder jpql = new StringBuilder("select v from ArticleVariant v join v.current r where 1 = 1");
        if (locale != null) {
            jpql.append(" and v.locale = :locale");
        }
        if (state != null) {
            jpql.append(" and v.state = :state");
        }
        for (int i = 0; i < titleWords.size(); i++) {
            jpql.append(" and lower(r.title) like :word").append(i).append(" escape '\\'");
        }
        if (after != null) {
            jpql.append(" and v.id < :after");
        }
        jpql.append(" order by v.id desc");
        var query = rowsBatched(em.createQuery(jpql.toString(), ArticleVariant.class)).setMaxResults(limit);
        if (locale != null) {
            query.setParameter("locale", locale);
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        for (int i = 0; i < titleWords.size(); i++) {
            String escaped = titleWords.get(i).toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            query.setParameter("word" + i, "%" + escaped + "%");
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }

    /** Drafts whose newest revision the author saved, newest article first. */
    public List<ArticleVariant> draftsBy(String author, int limit) {
        return rowsBatched(em.createQuery("select v from ArticleVariant v join v.current r where v.state = :state"
                        + " and r.author = :author order by v.id desc", ArticleVariant.class))
                .setParameter("state", WorkflowState.DRAFT)
                .setParameter("author", author)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Variants in medical review assigned to the reviewer or to no one yet, newest article first. */
    public List<ArticleVariant> inReviewFor(String reviewer, int limit) {
        return rowsBatched(em.createQuery("select v from ArticleVariant v where v.state = :state"
                        + " and (v.assignedReviewer is null or v.assignedReviewer = :reviewer) order by v.id desc",
                        ArticleVariant.class))
                .setParameter("state", WorkflowState.IN_REVIEW)
                .setParameter("reviewer", reviewer)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The source title of each article, by its id, in one statement. */
    public Map<Long, String> sourceTitles(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a.id, r.title from Article a join a.variants v join v.current r"
                        + " where a.id in :ids and v.locale = a.sourceLocale", Object[].class)
                .setParameter("ids", articleIds)
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    /** A list of variants whose articles, revisions and sibling locales are read in one query each, not one per row. */
    private static TypedQuery<ArticleVariant> rowsBatched(TypedQuery<ArticleVariant> query) {
        return query.setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN)
                .setHint(QueryHints.BATCH, "v.article")
                .setHint(QueryHints.BATCH, "v.current")
                .setHint(QueryHints.BATCH, "v.live")
                .setHint(QueryHints.BATCH, "v.article.variants");
    }

    /** The variant, locked for the rest of the transaction so that changes to it happen one at a time. */
    public Optional<ArticleVariant> lockedVariant(long articleId, String locale) {
        return find(articleId).flatMap(article -> lockedVariant(article, locale));
    }

    private Optional<ArticleVariant> lockedVariant(Article article, String locale) {
        return em.createQuery("select v from ArticleVariant v where v.article = :article and v.locale = :locale",
                        ArticleVariant.class)
                .setParameter("article", article)
                .setParameter("locale", locale)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .map(v -> {
                    em.refresh(v);
                    return v;
                });
    }

    private ArticleVariant newVariant(Article article, String locale, String slug) {
        requireFreeSlug(locale, slug, null);
        var variant = new ArticleVariant(article, locale, slug, clock.instant());
        em.persist(variant);
        return variant;
    }

    private Revision addRevision(ArticleVariant variant, RevisionContent content, String author) {
        requireFreeSlug(variant.getLocale(), content.slug(), variant.getId());
        var revision = new Revision(variant, pinned(content), author, clock.instant());
        em.persist(revision);
        variant.advanceTo(revision);
        saved.fire(new RevisionSaved(revision));
        em.flush();
        return revision;
    }

    /** The content with each image of the media library pinned to the version that is current now. */
    private RevisionContent pinned(RevisionContent content) {
        if (images == null || !images.isResolvable() || content.body() == null || !content.body().contains("media:")) {
            return content;
        }
        return new RevisionContent(content.title(), content.slug(), content.summary(), images.get().pin(content.body()),
                content.topics(), content.references(), content.changeNote(), content.safetyRelevant(), content.sourceRevision(),
                content.tellReaders());
    }

    private void requireFreeSlug(String locale, String slug, Long exceptVariant) {
        var taken = em.createQuery("select v.id from ArticleVariant v where v.locale = :locale and v.slug = :slug",
                        Long.class)
                .setParameter("locale", locale)
                .setParameter("slug", slug)
                .getResultList();
        if (taken.stream().anyMatch(id -> !id.equals(exceptVariant))) {
            throw new BusinessException.InvalidInput(new BusinessException.FieldError("slug",
                    "Another article in " + locale + " already uses the slug '" + slug + "'")
                    .worded("refusal.slug.taken", Map.of("slug", slug)));
        }
    }

    /**
     * A note to readers needs a note; and it is the source's to tell them: a translation's readers
     * get the source's notes translated, through XLIFF ({@code change-N} units).
     */
    private static void requireNoteForReaders(RevisionContent content, boolean source) {
        if (!content.tellReaders()) {
            return;
        }
        if (content.changeNote() == null) {
            throw new BusinessException.InvalidInput(new BusinessException.FieldError("tellReaders",
                    "Readers can only be told what changed with a change note: write one, or leave tellReaders out")
                    .worded("refusal.tellReaders.noNote", Map.of()));
        }
        if (!source) {
            throw new BusinessException.InvalidInput(new BusinessException.FieldError("tellReaders",
                    "Readers are told what changed in the source language; a translation tells them through the"
                            + " translated notes of its XLIFF file")
                    .worded("refusal.tellReaders.translation", Map.of()));
        }
    }

    private void requireSourceRevision(Article article, Integer sourceRevision) {
        if (sourceRevision == null) {
            return;
        }
        int newest = article.sourceVariant().getCurrent().getNumber();
        if (sourceRevision < 1 || sourceRevision > newest) {
            throw new BusinessException.InvalidInput("sourceRevision",
                    "The source has revisions 1 to " + newest + "; there is no revision " + sourceRevision);
        }
    }

    private static BusinessException notFound(long id) {
        return new BusinessException.NotFound("There is no article " + id);
    }
}
