package org.medpub.cms.article.entity;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

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
        return save(variant, author, sourceRevision, false);
    }

    /** A revision citing one reference, as a reviewer may approve it. */
    public static Revision save(ArticleVariant variant, String author, Integer sourceRevision, boolean safetyRelevant) {
        return save(variant, author, sourceRevision, safetyRelevant,
                List.of(new Reference("Example society. Guideline, 2025.", null, null, null)));
    }

    public static Revision save(ArticleVariant variant, String author, Integer sourceRevision, boolean safetyRelevant,
            List<Reference> references) {
        int number = variant.nextRevisionNumber();
        Revision revision = withId(new Revision(variant, new RevisionContent("Title " + number, "slug-" + variant.getLocale(),
                "Summary", "Body " + number, List.of(), references, "note " + number, safetyRelevant, sourceRevision, false),
                author, AT));
        variant.advanceTo(revision);
        REVISIONS.add(revision);
        return revision;
    }

    /**
     * An entity manager that keeps what is persisted in a list and answers queries with
     * {@code answers(jpql, parameters)}, as the database would; anything else it refuses.
     */
    public static EntityManager entityManager(List<Object> persisted,
            BiFunction<String, Map<String, Object>, Stream<?>> answers) {
        return (EntityManager) Proxy.newProxyInstance(ArticleFixtures.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "persist" -> {
                        persisted.add(args[0]);
                        yield null;
                    }
                    case "createQuery" -> query((String) args[0], answers);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static TypedQuery<?> query(String jpql, BiFunction<String, Map<String, Object>, Stream<?>> answers) {
        Map<String, Object> parameters = new HashMap<>();
        return (TypedQuery<?>) Proxy.newProxyInstance(ArticleFixtures.class.getClassLoader(),
                new Class<?>[] {TypedQuery.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        parameters.put((String) args[0], args[1]);
                        yield proxy;
                    }
                    case "setMaxResults" -> proxy;
                    case "getResultList" -> answers.apply(jpql, parameters).toList();
                    case "getResultStream" -> answers.apply(jpql, parameters);
                    case "getSingleResult" -> answers.apply(jpql, parameters).findFirst().orElseThrow();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
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
