package org.medpub.cms.article.entity;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles as plain objects, outside any database, for unit tests of the domain core: each
 * article and revision gets an id, as the database would give it.
 */
public final class ArticleFixtures {

    public static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    private static long nextId = 1;

    /** Every revision made here, oldest first: what a query over revisions would see. */
    public static final List<Revision> REVISIONS = new ArrayList<>();

    private ArticleFixtures() {
    }

    public static Article article(String sourceLocale) {
        return withId(new Article(sourceLocale, "author", AT));
    }

    /** A variant in draft with one revision per author, in order. */
    public static ArticleVariant variant(Article article, String locale, String... authors) {
        ArticleVariant variant = new ArticleVariant(article, locale, "slug-" + locale, AT);
        for (String author : authors) {
            save(variant, author, null);
        }
        return variant;
    }

    /** A new current revision; for a translation, {@code sourceRevision} names the source revision it translates. */
    public static Revision save(ArticleVariant variant, String author, Integer sourceRevision) {
        int number = variant.nextRevisionNumber();
        Revision revision = withId(new Revision(variant, new RevisionContent("Title " + number, "slug-" + variant.getLocale(),
                "Summary", "Body " + number, List.of(), List.of(), "note " + number, false, sourceRevision), author, AT));
        variant.advanceTo(revision);
        REVISIONS.add(revision);
        return revision;
    }

    private static <T> T withId(T entity) {
        try {
            Field id = entity.getClass().getDeclaredField("id");
            id.setAccessible(true);
            synchronized (ArticleFixtures.class) {
                id.set(entity, nextId++);
            }
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
