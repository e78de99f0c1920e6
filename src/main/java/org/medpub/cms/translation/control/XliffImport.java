package org.medpub.cms.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.ImageTexts;
import org.medpub.cms.article.control.RevisionPrecondition;
import org.medpub.cms.article.control.SlugSuggestion;
import org.medpub.cms.article.control.Topics;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.RevisionContent;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.translation.control.TranslationCheck.CheckedTranslation;
import org.medpub.cms.translation.control.TranslationCheck.TranslatedImage;
import org.medpub.cms.workflow.control.ChangeLog;

/**
 * Saves a translated XLIFF file as a new draft revision of the article in the file's target
 * locale, all of it or, when {@link TranslationCheck} finds anything wrong, nothing. The
 * revision names the file's source revision, its author is who imported it and its change note
 * "Imported from XLIFF". A translation that exists keeps its slug and topics; a new one gets a
 * slug made from its title and the source's topics. The source text is locked from the check to
 * the save, so that it cannot change in between. The alt texts and captions of the images the
 * article shows become those images' texts in the locale, in the same transaction, so that a
 * refused file changes no image either. The source's notes to readers it translates are kept with
 * the new revision ({@link ChangeLog}). The names it gives topics that have none in the locale
 * become their names there, with a slug made from each ({@link Topics#nameFirst}), in the same
 * transaction too; a topic named there since the export keeps its name ({@link TopicUnits}).
 */
@ApplicationScoped
// Not final: CDI proxies application-scoped beans.
public class XliffImport {

    static final String CHANGE_NOTE = "Imported from XLIFF";

    @Inject
    ArticleStore store;

    @Inject
    EnabledLocales locales;

    @Inject
    Instance<ImageTexts> images;

    @Inject
    ChangeLog changeLog;

    @Inject
    Topics topics;

    /**
     * @param translator who imports it; a locale they do not translate into is one of the file's problems
     * @throws XliffRejected with every problem of the file
     */
    @Transactional
    public ImportedTranslation importFile(XliffFile file, Actor translator) {
        EditorialPermissions.requireImportTranslations(translator);
        CheckedTranslation checked = TranslationCheck.check(file, new StoredFacts(translator));
        Article article = store.find(checked.articleId()).orElseThrow();
        Optional<Revision> existing = article.variant(checked.locale()).map(ArticleVariant::getCurrent);
        List<String> topicTerms = existing.map(Revision::getTopics).or(() -> store
                        .revision(article.sourceVariant(), checked.sourceRevision()).map(Revision::getTopics))
                .map(List::copyOf).orElse(List.of());
        String slug = existing.map(Revision::getSlug)
                .orElseGet(() -> store.freeSlug(checked.locale(), SlugSuggestion.fromTitle(checked.title())));
        var content = new RevisionContent(checked.title(), slug, checked.summary(), checked.body(), topicTerms,
                checked.references(), CHANGE_NOTE, false, checked.sourceRevision(), false);
        // the file was checked against the current source: the import follows whatever revision the translation has now
        Revision saved = store.save(checked.articleId(), checked.locale(), content, translator,
                existing.isPresent() ? RevisionPrecondition.overCurrent() : new RevisionPrecondition(null)).revision();
        changeLog.translated(saved, checked.changeNotes());
        for (TranslatedImage image : checked.images()) {
            images.get().translate(image.item(), checked.locale(), new ImageTexts.Texts(image.alt(), image.caption()),
                    translator);
        }
        checked.topicNames().forEach((key, name) -> topics.nameFirst(key, checked.locale(), name, translator));
        return new ImportedTranslation(checked.articleId(), checked.locale(), saved.getNumber(),
                checked.sourceRevision(), checked.units());
    }

    /** The facts from the database; asking for the source language locks the source text. */
    private final class StoredFacts implements TranslationCheck.Facts {
        private final Actor translator;
        private ArticleVariant source;

        StoredFacts(Actor translator) {
            this.translator = translator;
        }

        @Override
        public Optional<String> sourceLocale(long articleId) {
            return store.find(articleId).flatMap(article -> store.lockedVariant(articleId, article.getSourceLocale()))
                    .map(variant -> {
                        source = variant;
                        return variant.getLocale();
                    });
        }

        @Override
        public Optional<String> enabledLocale(String tag) {
            return locales.find(tag);
        }

        @Override
        public List<String> enabledLocales() {
            return locales.all();
        }

        @Override
        public boolean mayTranslateInto(String locale) {
            return EditorialPermissions.mayEditTranslation(translator, locale);
        }

        @Override
        public int currentSourceRevision(long articleId) {
            return source.getCurrent().getNumber();
        }

        @Override
        public Optional<RevisionContent> sourceRevision(long articleId, int number) {
            return store.revision(source, number).map(Revision::content);
        }

        @Override
        public List<TranslationUnit> imageUnits(RevisionContent revision) {
            Set<Long> shown = ImageUnits.shownBy(revision.body());
            if (shown.isEmpty() || !images.isResolvable()) {
                return List.of();
            }
            Map<Long, ImageTexts.Texts> texts = images.get().in(shown, source.getLocale());
            return ImageUnits.units(revision.body(), texts);
        }

        @Override
        public List<TranslationUnit> changeUnits(int sourceRevision) {
            return ChangeUnits.units(changeLog.notesToTranslate(source, sourceRevision));
        }

        @Override
        public List<TranslationUnit> topicUnits(RevisionContent revision) {
            // every topic named in the source language: the file may have been exported before one was named in the target
            return topics.namedBy(revision.topics()).stream()
                    .filter(topic -> topic.locales().containsKey(source.getLocale()))
                    .map(topic -> TopicUnits.unit(topic.key(), topic.locales().get(source.getLocale()).name()))
                    .toList();
        }

        @Override
        public Optional<String> topicNameRefused(String key, String locale, String name) {
            return topics.firstNameRefused(key, locale, name, translator);
        }
    }
}
