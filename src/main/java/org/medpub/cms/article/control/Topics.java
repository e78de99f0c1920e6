package org.medpub.cms.article.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.medpub.cms.article.entity.ArticleFields;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * The topic taxonomy (tables {@code topic}, {@code topic_locale}, {@code topic_term}, migration V27):
 * each topic has a stable key and per locale a name and a slug. A revision's topic strings stay as
 * they were saved; a string names a topic when it is one of the topic's terms, spelled exactly so,
 * and every name a topic is given becomes one of its terms for good. A topic is added by naming it
 * in the default locale under a new key.
 */
@ApplicationScoped
@Transactional
public class Topics {

    public static final int NAME_MAX = ArticleFields.TOPIC_MAX;

    @PersistenceContext
    EntityManager em;

    @Inject
    EnabledLocales locales;

    @Inject
    Event<TopicsChanged> changed;

    /** A topic's name and slug in one locale. */
    public record Name(String name, String slug) {
    }

    /** A topic with its names, by locale in the order of the enabled locales. */
    public record Topic(String key, Map<String, Name> locales) {
    }

    /** A page of the taxonomy, by key; {@code after} is the key to continue after, or null at the end. */
    public record Page(List<Topic> items, String after) {
    }

    /** The result of naming a topic: the topic as it is now, and whether it was added by it. */
    public record Named(Topic topic, boolean created) {
    }

    /** Up to {@code size} topics after this key (null: from the first), in two statements. */
    public Page list(String after, int size) {
        List<?> rows = em.createNativeQuery("select id, topic_key from topic where topic_key > ?1 order by topic_key"
                        + " fetch first ?2 rows only")
                .setParameter(1, after == null ? "" : after)
                .setParameter(2, size + 1)
                .getResultList();
        List<Object[]> found = rows.stream().map(row -> (Object[]) row).toList();
        boolean more = found.size() > size;
        List<Object[]> page = more ? found.subList(0, size) : found;
        Map<Long, Map<String, Name>> names = names(page.stream().map(row -> ((Number) row[0]).longValue()).toList());
        List<Topic> items = page.stream()
                .map(row -> new Topic((String) row[1], names.getOrDefault(((Number) row[0]).longValue(), Map.of())))
                .toList();
        return new Page(items, more ? items.get(items.size() - 1).key() : null);
    }

    /**
     * Names the topic with this key in the locale, or adds it when there is none and the locale is
     * the default one. Refused, with nothing changed: an unknown locale or topic (404), an actor who
     * may not (403), an empty or too long name, a slug the slug rule refuses (400), a slug another
     * topic has in the locale or a name that is another topic's term (409).
     */
    public Named name(String key, String locale, String name, String slug, Actor actor) {
        String tag = locales.find(locale)
                .orElseThrow(() -> new BusinessException.NotFound("'" + locale + "' is not an enabled locale"));
        Optional<Long> existing = idOf(key);
        if (existing.isEmpty()) {
            if (!tag.equals(locales.defaultLocale())) {
                throw new BusinessException.NotFound("There is no topic '" + key + "'; a topic is added by naming it in "
                        + locales.defaultLocale());
            }
            EditorialPermissions.requireCreateTopics(actor);
            requireSlug("key", key);
        } else {
            EditorialPermissions.requireNameTopic(actor, tag);
        }
        String cleanName = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        if (cleanName.isEmpty()) {
            throw new BusinessException.InvalidInput("name", "required: the topic's name in " + tag);
        }
        if (cleanName.length() > NAME_MAX) {
            throw new BusinessException.InvalidInput("name", "at most " + NAME_MAX + " characters");
        }
        String cleanSlug = slug == null ? "" : Normalizer.normalize(slug, Normalizer.Form.NFC).strip();
        requireSlug("slug", cleanSlug);
        Long id = existing.orElse(null);
        List<?> slugOwner = em.createNativeQuery("select topic_id from topic_locale where locale = ?1 and slug = ?2")
                .setParameter(1, tag).setParameter(2, cleanSlug).getResultList();
        if (slugOwner.stream().anyMatch(owner -> !Long.valueOf(((Number) owner).longValue()).equals(id))) {
            throw new BusinessException.Conflict("topic-slug-taken", new BusinessException.FieldError("slug",
                    "Another topic in " + tag + " already has the slug '" + cleanSlug + "'"));
        }
        List<?> termOwner = em.createNativeQuery("select topic_id from topic_term where term = ?1")
                .setParameter(1, cleanName).getResultList();
        if (termOwner.stream().anyMatch(owner -> !Long.valueOf(((Number) owner).longValue()).equals(id))) {
            throw new BusinessException.Conflict("topic-name-taken", new BusinessException.FieldError("name",
                    "'" + cleanName + "' already names another topic"));
        }
        try {
            long topic = id != null ? id : add(key);
            int updated = em.createNativeQuery("update topic_locale set name = ?1, slug = ?2 where topic_id = ?3 and locale = ?4")
                    .setParameter(1, cleanName).setParameter(2, cleanSlug).setParameter(3, topic).setParameter(4, tag)
                    .executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("insert into topic_locale (topic_id, locale, name, slug) values (?1, ?2, ?3, ?4)")
                        .setParameter(1, topic).setParameter(2, tag).setParameter(3, cleanName).setParameter(4, cleanSlug)
                        .executeUpdate();
            }
            if (termOwner.isEmpty()) {
                em.createNativeQuery("insert into topic_term (term, topic_id) values (?1, ?2)")
                        .setParameter(1, cleanName).setParameter(2, topic).executeUpdate();
            }
            changed.fire(new TopicsChanged(key, tag));
            return new Named(new Topic(key, names(List.of(topic)).getOrDefault(topic, Map.of())), id == null);
        } catch (PersistenceException raced) {
            // someone took the key, slug or name between the checks and the writes
            throw new BusinessException.Conflict("topic-slug-taken", "The topic '" + key
                    + "' or its name or slug in " + tag + " was just taken; read the taxonomy again");
        }
    }

    /**
     * The topics these strings name (each one's terms), each once, in the order of the first string
     * that names it, with their names; in two statements.
     */
    public List<Topic> namedBy(List<String> terms) {
        if (terms.isEmpty()) {
            return List.of();
        }
        StringBuilder marks = new StringBuilder();
        for (int i = 1; i <= terms.size(); i++) {
            marks.append(i == 1 ? "?" : ",?").append(i);
        }
        var query = em.createNativeQuery("select t.id, t.topic_key, m.term from topic_term m join topic t on t.id = m.topic_id"
                + " where m.term in (" + marks + ")");
        for (int i = 0; i < terms.size(); i++) {
            query.setParameter(i + 1, terms.get(i));
        }
        Map<String, Object[]> byTerm = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            byTerm.put((String) ((Object[]) row)[2], (Object[]) row);
        }
        Map<Long, String> keys = new LinkedHashMap<>();
        terms.stream().map(byTerm::get).filter(Objects::nonNull)
                .forEach(row -> keys.putIfAbsent(((Number) row[0]).longValue(), (String) row[1]));
        Map<Long, Map<String, Name>> names = names(List.copyOf(keys.keySet()));
        return keys.entrySet().stream()
                .map(topic -> new Topic(topic.getValue(), names.getOrDefault(topic.getKey(), Map.of())))
                .toList();
    }

    /**
     * Why a translation may not give the topic this first name in the locale (with the slug
     * {@link #slugOf} makes of it), or empty when it may, or when the topic has a name there already
     * and keeps it ({@link #nameFirst}). The import has made sure that the name is neither empty nor
     * too long.
     */
    public Optional<String> firstNameRefused(String key, String locale, String name, Actor actor) {
        Optional<Long> id = idOf(key);
        if (id.isEmpty()) {
            return Optional.of("there is no topic '" + key + "' any more");
        }
        if (hasName(id.get(), locale)) {
            return Optional.empty();
        }
        if (!EditorialPermissions.mayNameTopic(actor, locale)) {
            return Optional.of("you do not name topics in " + locale + "; leave the target out for an editor to name it");
        }
        String cleanName = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        String slug = slugOf(cleanName);
        if (!slug.matches(ArticleFields.SLUG)) {
            return Optional.of("the name makes no slug; name the topic with PUT /api/topics/" + key + "/locales/" + locale);
        }
        List<?> slugOwner = em.createNativeQuery("select topic_id from topic_locale where locale = ?1 and slug = ?2")
                .setParameter(1, locale).setParameter(2, slug).getResultList();
        if (!slugOwner.isEmpty()) {
            return Optional.of("another topic in " + locale + " already has the slug '" + slug + "' the name makes;"
                    + " name the topic with PUT /api/topics/" + key + "/locales/" + locale);
        }
        List<?> termOwner = em.createNativeQuery("select topic_id from topic_term where term = ?1")
                .setParameter(1, cleanName).getResultList();
        if (termOwner.stream().anyMatch(owner -> ((Number) owner).longValue() != id.get())) {
            return Optional.of("'" + cleanName + "' already names another topic");
        }
        return Optional.empty();
    }

    /**
     * Gives the topic its first name in the locale, from a translation, with the slug made of it;
     * a topic that has a name there keeps it. Refused as {@link #name} refuses.
     */
    public void nameFirst(String key, String locale, String name, Actor actor) {
        Optional<Long> id = idOf(key);
        if (id.isPresent() && hasName(id.get(), locale)) {
            return;
        }
        String cleanName = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        name(key, locale, cleanName, slugOf(cleanName), actor);
    }

    /** The slug a topic's name makes: the articles' slug rule ({@link SlugSuggestion}). */
    public static String slugOf(String name) {
        return SlugSuggestion.fromTitle(name);
    }

    private boolean hasName(long topicId, String locale) {
        return !em.createNativeQuery("select 1 from topic_locale where topic_id = ?1 and locale = ?2")
                .setParameter(1, topicId).setParameter(2, locale).getResultList().isEmpty();
    }

    private long add(String key) {
        em.createNativeQuery("insert into topic (topic_key, created_at) values (?1, current_timestamp)")
                .setParameter(1, key)
                .executeUpdate();
        return idOf(key).orElseThrow();
    }

    private Optional<Long> idOf(String key) {
        List<?> ids = em.createNativeQuery("select id from topic where topic_key = ?1").setParameter(1, key).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).findFirst();
    }

    private static void requireSlug(String field, String slug) {
        if (slug == null || slug.isEmpty()) {
            throw new BusinessException.InvalidInput(field, "required: lower-case letters and digits joined by hyphens");
        }
        if (slug.length() > ArticleFields.SLUG_MAX || !slug.matches(ArticleFields.SLUG)) {
            throw new BusinessException.InvalidInput(field, "must be lower-case letters and digits joined by single hyphens,"
                    + " at most " + ArticleFields.SLUG_MAX + " characters");
        }
    }

    /** The names of these topics, in one statement. */
    private Map<Long, Map<String, Name>> names(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery("select topic_id, locale, name, slug from topic_locale where topic_id in ("
                        + String.join(",", ids.stream().map(String::valueOf).toList()) + ")")
                .getResultList();
        Map<Long, Map<String, Name>> byTopic = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(locales.all());
        rows.stream().map(row -> (Object[]) row)
                .sorted(Comparator.comparingInt(row -> {
                    int at = order.indexOf((String) row[1]);
                    return at < 0 ? Integer.MAX_VALUE : at;
                }))
                .forEach(row -> byTopic.computeIfAbsent(((Number) row[0]).longValue(), k -> new LinkedHashMap<>())
                        .put((String) row[1], new Name((String) row[2], (String) row[3])));
        return byTopic;
    }
}
