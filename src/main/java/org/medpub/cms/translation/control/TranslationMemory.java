package org.medpub.cms.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.entity.RevisionContent;

/**
 * Translations made before, to start new ones from. The memory is every article's current
 * translation into a locale, side by side with the source revision it was made from
 * ({@link TranslatableText#align}); a unit of an export matches when its source is identical to
 * a source in there ({@link Segment#key()}: same words, spaces aside, and same codes). Of
 * several matches, the most recently edited translation's wins (the variant's last change, then
 * the newer variant).
 *
 * <p>The memory is an index in the database, {@code translation_memory}: a row per translation
 * and hashed source key, rewritten with each saved translation ({@link TranslationMemoryIndex}).
 * An export looks up only the keys of its own units, {@value #KEYS_PER_LOOKUP} to a statement,
 * and reads at most one row per key; which translation wins is decided by the database from the
 * variants' current order, as the whole memory used to be read. Translations that wait in the
 * backlog to be indexed (from before the index, or loaded by an import) are indexed for an export of
 * their locale pair first, {@code cms.translation.memory-batch} of them, the most recently changed
 * first: an export's cost stays bounded even right after an import of 100 000 articles, when all of
 * them wait.
 */
@ApplicationScoped
@Transactional
// Not final: CDI proxies application-scoped beans.
public class TranslationMemory {

    /** Keys per lookup statement: few statements, and each well within what a database plans quickly. */
    static final int KEYS_PER_LOOKUP = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    TranslationMemoryIndex index;

    @Inject
    @ConfigProperty(name = "cms.translation.memory-batch")
    int backlogBatch;

    /**
     * What the translations into {@code targetLocale} of the articles written in
     * {@code sourceLocale}, but not of the article being exported, say for the given keys.
     */
    public Map<String, List<Inline>> matches(long exceptArticleId, String sourceLocale, String targetLocale,
            Collection<String> keys) {
        if (backlogged(sourceLocale, targetLocale)) {
            index.workOffBacklog(backlogBatch, sourceLocale, targetLocale);
        }
        return lookUp(keys, hashes -> {
            Query query = em.createNativeQuery(lookupSql(hashes.size()));
            List<Object> parameters = lookupParameters(exceptArticleId, sourceLocale, targetLocale, hashes);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            return rows;
        });
    }

    /**
     * The memory's targets for the keys, by key, looked up {@value #KEYS_PER_LOOKUP} hashes at a
     * time; each statement answers rows of a hash and its target (JSON), one row per hash at most.
     */
    static Map<String, List<Inline>> lookUp(Collection<String> keys, Function<List<String>, List<Object[]>> statement) {
        Map<String, String> keyByHash = new HashMap<>();
        for (String key : new LinkedHashSet<>(keys)) {
            keyByHash.put(RememberedTarget.hash(key), key);
        }
        List<String> hashes = new ArrayList<>(keyByHash.keySet());
        Map<String, List<Inline>> matches = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += KEYS_PER_LOOKUP) {
            for (Object[] row : statement.apply(hashes.subList(from, Math.min(hashes.size(), from + KEYS_PER_LOOKUP)))) {
                matches.put(keyByHash.get((String) row[0]), RememberedTarget.read((String) row[1]));
            }
        }
        return matches;
    }

    /**
     * Per hash, the target of the translation that the whole memory, read in order, met first:
     * the most recently changed variant, then the newest one. Plain SQL that H2 and PostgreSQL
     * both run; parameters ({@code ?1}, …) as {@link #lookupParameters}.
     */
    static String lookupSql(int hashes) {
        return "select key_hash, target from (select m.key_hash, m.target, row_number() over"
                + " (partition by m.key_hash order by v.updated_at desc, v.id desc) as rank_in_key"
                + " from translation_memory m join variant v on v.id = m.variant_id"
                + " where m.source_locale = ?1 and m.target_locale = ?2 and v.article_id <> ?3"
                + " and m.key_hash in (" + IntStream.rangeClosed(4, hashes + 3).mapToObj(i -> "?" + i)
                        .collect(Collectors.joining(", ")) + ")) ranked"
                + " where rank_in_key = 1";
    }

    static List<Object> lookupParameters(long exceptArticleId, String sourceLocale, String targetLocale,
            List<String> hashes) {
        List<Object> parameters = new ArrayList<>(List.of(sourceLocale, targetLocale, exceptArticleId));
        parameters.addAll(hashes);
        return parameters;
    }

    /** Whether translations of the pair from before the index wait to be indexed. */
    private boolean backlogged(String sourceLocale, String targetLocale) {
        return !em.createNativeQuery("select b.variant_id from translation_memory_backlog b"
                        + " join variant v on v.id = b.variant_id join article a on a.id = v.article_id"
                        + " where v.locale = ?1 and a.source_locale = ?2 fetch first 1 rows only")
                .setParameter(1, targetLocale)
                .setParameter(2, sourceLocale)
                .getResultList().isEmpty();
    }

    /** Adds what a translation says for each unit of its source, unless a match for that source is known already. */
    static void remember(RevisionContent source, RevisionContent translation, Map<String, List<Inline>> matches) {
        for (TranslatableText.AlignedUnit unit : TranslatableText.align(source, translation)) {
            matches.putIfAbsent(unit.source().source().key(), unit.target());
        }
    }
}
