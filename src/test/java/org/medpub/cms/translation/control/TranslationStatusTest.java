package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.article.entity.ArticleFixtures.AT;
import static org.medpub.cms.article.entity.ArticleFixtures.REVISIONS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleFixtures;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.TranslationStatus;

/** How a translation stands against its source, on plain articles. */
class TranslationStatusTest {

    private Article article;
    private ArticleVariant en;
    private final TranslationStates states = new TranslationStates();

    @BeforeEach
    void anEnglishSource() {
        article = ArticleFixtures.article("en");
        en = ArticleFixtures.variant(article, "en", "author");
        states.em = ArticleFixtures.entityManager(new ArrayList<>(), this::safetyRelevantRevisions);
    }

    private Revision publish(ArticleVariant variant) {
        variant.publish(variant.getCurrent(), AT);
        return variant.getCurrent();
    }

    private ArticleVariant translation(String locale, int sourceRevision) {
        ArticleVariant variant = ArticleFixtures.variant(article, locale);
        ArticleFixtures.save(variant, "translator", sourceRevision);
        return variant;
    }

    private TranslationStatus status(String locale) {
        return TranslationStatus.of(article, locale);
    }

    @Test
    void theSourceLocaleIsTheSource() {
        assertEquals(TranslationStatus.SOURCE, status("en"));
        publish(en);
        assertEquals(TranslationStatus.SOURCE, status("en"));
    }

    @Test
    void aLocaleWithoutAVariantIsMissing() {
        publish(en);
        assertEquals(TranslationStatus.MISSING, status("de"));
    }

    @Test
    void aTranslationWithNothingLiveIsInProgressWhateverTheSourceDid() {
        translation("es", 1);
        assertEquals(TranslationStatus.IN_PROGRESS, status("es"));
        publish(en);
        ArticleFixtures.save(en, "author", null);
        publish(en);
        assertEquals(TranslationStatus.IN_PROGRESS, status("es"));
    }

    @Test
    void aLiveTranslationOfTheSourcesLiveRevisionIsCurrent() {
        publish(en);
        publish(translation("es", 1));
        assertEquals(TranslationStatus.CURRENT, status("es"));
    }

    @Test
    void aNewerSourceDraftLeavesTheTranslationCurrentUntilItIsPublished() {
        publish(en);
        publish(translation("es", 1));
        ArticleFixtures.save(en, "author", null);
        assertEquals(TranslationStatus.CURRENT, status("es"));

        publish(en);
        assertEquals(TranslationStatus.OUTDATED, status("es"));
    }

    @Test
    void aTranslationOfALaterSourceRevisionThanTheLiveOneIsCurrent() {
        publish(en);
        ArticleFixtures.save(en, "author", null);
        publish(translation("es", 2));
        assertEquals(TranslationStatus.CURRENT, status("es"));
    }

    @Test
    void aLiveTranslationIsCurrentWhileTheSourceHasNothingLiveOrItNamesNoSourceRevision() {
        publish(translation("es", 1));
        assertEquals(TranslationStatus.CURRENT, status("es"));

        ArticleVariant fr = ArticleFixtures.variant(article, "fr", "translator");
        publish(fr);
        publish(en);
        ArticleFixtures.save(en, "author", null);
        publish(en);
        assertEquals(TranslationStatus.CURRENT, status("fr"));
    }

    @Test
    void theApiNamesEachStatusInLowerCase() {
        assertEquals(List.of("source", "missing", "in_progress", "current", "outdated"),
                Arrays.stream(TranslationStatus.values()).map(TranslationStatus::key).toList());
    }

    @Test
    void aStateNamesTheRevisionsItCompares() {
        publish(en);
        ArticleVariant es = translation("es", 1);
        publish(es);
        ArticleFixtures.save(es, "translator", 1);

        TranslationState state = states.of(article, "es");

        assertEquals(new TranslationState(article.getId(), "es", "en", TranslationStatus.CURRENT, 1, 1, false), state);
        TranslationState missing = states.of(article, "de");
        assertEquals(TranslationStatus.MISSING, missing.status());
        assertNull(missing.translatedFrom());
        assertEquals(1, missing.sourceLive());
    }

    @Test
    void anOutdatedTranslationIsSafetyRelevantWhenASafetyRelevantSourceRevisionWasPublishedSince() {
        publish(en);
        publish(translation("es", 1));
        ArticleFixtures.save(en, "author", null, true);
        ArticleFixtures.save(en, "author", null);
        publish(en);

        TranslationState state = states.of(article, "es");

        assertEquals(TranslationStatus.OUTDATED, state.status());
        assertEquals(1, state.translatedFrom());
        assertEquals(3, state.sourceLive());
        assertTrue(state.safetyRelevant());
    }

    @Test
    void anOutdatedTranslationIsNotSafetyRelevantForASafetyChangeItHasOrThatIsNotLive() {
        ArticleFixtures.save(en, "author", null, true);
        publish(en);
        publish(translation("es", 2));
        ArticleFixtures.save(en, "author", null);
        publish(en);
        ArticleFixtures.save(en, "author", null, true);

        TranslationState state = states.of(article, "es");

        assertEquals(TranslationStatus.OUTDATED, state.status());
        assertFalse(state.safetyRelevant());
    }

    /** The one query TranslationStates runs: safety-relevant source revisions in a range. */
    private Stream<?> safetyRelevantRevisions(String jpql, Map<String, Object> parameters) {
        if (!jpql.startsWith("select count(r) from Revision r where r.variant = :source and r.safetyRelevant = true")) {
            throw new UnsupportedOperationException(jpql);
        }
        return Stream.of(REVISIONS.stream()
                .filter(r -> r.getVariant() == parameters.get("source") && r.isSafetyRelevant())
                .filter(r -> r.getNumber() > (int) parameters.get("from") && r.getNumber() <= (int) parameters.get("to"))
                .count());
    }
}
