package org.medpub.cms.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.RevisionSaved;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;

/**
 * Keeps {@code translation_memory} what {@link TranslationMemory} would find by reading every
 * translation: for each translation variant, what its current revision says for each unit of the
 * source revision it was made from. The rows of a variant are rewritten in the transaction that
 * saves its new revision, and for the variants of the backlog that the migration to the index
 * left, a batch at a time ({@link TranslationMemoryBacklog}).
 */
@ApplicationScoped
@Transactional
// Not final: CDI proxies application-scoped beans.
public class TranslationMemoryIndex {

    /** The length of {@code translation_memory.target} (V17). */
    private static final int MAX_TARGET_CHARS = 400_000;

    /** Rows per insert statement. */
    private static final int ROWS_PER_INSERT = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    ArticleStore store;

    void onRevisionSaved(@Observes RevisionSaved saved) {
        ArticleVariant variant = saved.revision().getVariant();
        if (!variant.isSource()) {
            rewrite(variant, saved.revision());
        }
    }

    /**
     * Indexes up to {@code batch} variants of the backlog, each once: a variant is locked first,
     * as a save locks it, so that a save and another instance working the backlog wait for each
     * other. Answers how many the batch looked at; 0 when the backlog is empty.
     */
    public int workOffBacklog(int batch) {
        return index(em.createNativeQuery("select variant_id from translation_memory_backlog order by variant_id"
                        + " fetch first " + batch + " rows only")
                .getResultList());
    }

    /**
     * Indexes up to {@code batch} variants of the backlog that translate from {@code sourceLocale}
     * into {@code targetLocale}, the most recently changed first (whose words a lookup prefers), so
     * that an export of the pair finds them. Answers how many it looked at.
     */
    public int workOffBacklog(int batch, String sourceLocale, String targetLocale) {
        return index(em.createNativeQuery("select b.variant_id from translation_memory_backlog b"
                        + " join variant v on v.id = b.variant_id join article a on a.id = v.article_id"
                        + " where v.locale = ?1 and a.source_locale = ?2 order by v.updated_at desc, v.id desc"
                        + " fetch first " + batch + " rows only")
                .setParameter(1, targetLocale)
                .setParameter(2, sourceLocale)
                .getResultList());
    }

    private int index(List<?> waiting) {
        for (Object id : waiting) {
            long variantId = ((Number) id).longValue();
            ArticleVariant variant = em.find(ArticleVariant.class, variantId, LockModeType.PESSIMISTIC_WRITE);
            int taken = em.createNativeQuery("delete from translation_memory_backlog where variant_id = ?1")
                    .setParameter(1, variantId)
                    .executeUpdate();
            if (taken == 1 && variant != null) {
                em.refresh(variant);
                rewrite(variant, variant.getCurrent());
            }
        }
        return waiting.size();
    }

    private void rewrite(ArticleVariant variant, Revision translation) {
        // the variant and revision rows first: the memory's rows refer to the variant
        em.flush();
        em.createNativeQuery("delete from translation_memory where variant_id = ?1")
                .setParameter(1, variant.getId())
                .executeUpdate();
        Integer from = translation == null ? null : translation.getSourceRevision();
        if (from == null) {
            return;
        }
        store.revision(variant.getArticle().sourceVariant(), from).ifPresent(source -> {
            Map<String, List<Inline>> byKey = new LinkedHashMap<>();
            TranslationMemory.remember(source.content(), translation.content(), byKey);
            List<Object[]> rows = new ArrayList<>();
            byKey.forEach((key, target) -> {
                String written = RememberedTarget.write(target);
                // a segment longer than the column (a whole long article in one paragraph) is not remembered
                if (written.length() <= MAX_TARGET_CHARS) {
                    rows.add(new Object[] {variant.getId(), RememberedTarget.hash(key),
                            variant.getArticle().getSourceLocale(), variant.getLocale(), written});
                }
            });
            for (int start = 0; start < rows.size(); start += ROWS_PER_INSERT) {
                insert(rows.subList(start, Math.min(rows.size(), start + ROWS_PER_INSERT)));
            }
        });
    }

    private void insert(List<Object[]> rows) {
        StringBuilder sql = new StringBuilder(
                "insert into translation_memory (variant_id, key_hash, source_locale, target_locale, target) values ");
        int parameter = 1;
        for (int row = 0; row < rows.size(); row++) {
            sql.append(row == 0 ? "" : ", ").append('(');
            for (int column = 0; column < 5; column++) {
                sql.append(column == 0 ? "" : ", ").append('?').append(parameter++);
            }
            sql.append(')');
        }
        Query insert = em.createNativeQuery(sql.toString());
        parameter = 1;
        for (Object[] row : rows) {
            for (Object value : row) {
                insert.setParameter(parameter++, value);
            }
        }
        insert.executeUpdate();
    }
}
