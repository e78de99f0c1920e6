package org.medpub.cms.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.ImageTexts;
import org.medpub.cms.article.control.Topics;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.translation.control.XliffWriter.ExportedUnit;
import org.medpub.cms.translation.control.XliffWriter.Suggestion;
import org.medpub.cms.workflow.control.ChangeLog;

/**
 * The XLIFF file for translating an article's current source revision into a locale. A unit
 * whose source the article's translation into that locale has already translated (identical
 * source, perhaps in another place of the text) comes with that translation as its target,
 * {@code state="translated"}; otherwise one from the {@link TranslationMemory} comes with it,
 * {@code state="initial"} and a note; otherwise it has no target. After the article's own units
 * come the alt text and caption of each image the revision shows ({@link ImageUnits}), with the
 * image's text in the locale as target, {@code state="translated"}, when the library has one;
 * then the source's notes to readers ({@link ChangeUnits}), with the translation's note as target
 * when it translated one before; last the names of the article's topics that have none in the
 * locale yet ({@link TopicUnits}).
 */
@ApplicationScoped
// Not final: CDI proxies application-scoped beans.
public class XliffExport {

    /** An exported file and the name to save it under. */
    public record ExportedFile(String fileName, byte[] content) {
    }

    @Inject
    ArticleStore store;

    @Inject
    EnabledLocales locales;

    @Inject
    TranslationMemory memory;

    @Inject
    Instance<ImageTexts> images;

    @Inject
    ChangeLog changeLog;

    @Inject
    Topics topics;

    @Transactional
    public ExportedFile export(long articleId, String locale) {
        Article article = store.find(articleId)
                .orElseThrow(() -> new BusinessException.NotFound("There is no article " + articleId));
        String target = locales.find(locale).orElseThrow(() -> new BusinessException.NotFound(
                "'" + locale + "' is not an enabled locale; enabled are " + String.join(", ", locales.all())));
        String sourceLocale = article.getSourceLocale();
        if (target.equals(sourceLocale)) {
            throw new BusinessException.InvalidInput("locale", target + " is the article's source language;"
                    + " export for one of the locales it is translated into");
        }
        Revision source = article.sourceVariant().getCurrent();
        Map<String, List<Inline>> translated = translatedBefore(article, target);
        List<TranslationUnit> sourceUnits = TranslatableText.units(source.content());
        // the memory is asked only for what the article's own translation does not say
        List<String> untranslated = sourceUnits.stream().map(unit -> unit.source().key())
                .filter(key -> !translated.containsKey(key)).toList();
        Map<String, List<Inline>> remembered = untranslated.isEmpty() ? Map.of()
                : memory.matches(articleId, sourceLocale, target, untranslated);
        List<ExportedUnit> units = new ArrayList<>();
        for (TranslationUnit unit : sourceUnits) {
            String key = unit.source().key();
            if (translated.containsKey(key)) {
                units.add(new ExportedUnit(unit, translated.get(key), Suggestion.TRANSLATION));
            } else if (remembered.containsKey(key)) {
                units.add(new ExportedUnit(unit, remembered.get(key), Suggestion.MEMORY));
            } else {
                units.add(new ExportedUnit(unit, null, Suggestion.NONE));
            }
        }
        units.addAll(imageUnits(source.getBody(), sourceLocale, target));
        units.addAll(changeUnits(article, source, target));
        units.addAll(topicUnits(source.getTopics(), sourceLocale, target));
        byte[] file = XliffWriter.write(new XliffWriter.Header(articleId, sourceLocale, target, source.getNumber()), units);
        return new ExportedFile("article-" + articleId + "-" + sourceLocale + "-" + target + ".xlf", file);
    }

    /** The alt texts and captions of the images the body shows, with what the library says in the locale. */
    private List<ExportedUnit> imageUnits(String body, String sourceLocale, String locale) {
        Set<Long> shown = ImageUnits.shownBy(body);
        if (shown.isEmpty() || !images.isResolvable()) {
            return List.of();
        }
        Map<Long, ImageTexts.Texts> translated = images.get().in(shown, locale);
        List<ExportedUnit> units = new ArrayList<>();
        for (TranslationUnit unit : ImageUnits.units(body, images.get().in(shown, sourceLocale))) {
            ImageTexts.Texts there = translated.get(ImageUnits.item(unit.id()).orElseThrow());
            String text = there == null ? null : unit.kind() == UnitKind.ALT_TEXT ? there.alt() : there.caption();
            units.add(text == null ? new ExportedUnit(unit, null, Suggestion.NONE)
                    : new ExportedUnit(unit, List.of(new Inline.Text(text)), Suggestion.TRANSLATION));
        }
        return units;
    }

    /** The source's notes to readers, with what the translation into the locale made of them so far. */
    private List<ExportedUnit> changeUnits(Article article, Revision source, String locale) {
        Map<Integer, String> translated = article.variant(locale).map(changeLog::translatedNotes).orElse(Map.of());
        return ChangeUnits.units(changeLog.notesToTranslate(article.sourceVariant(), source.getNumber())).stream()
                .map(unit -> {
                    String text = translated.get(ChangeUnits.sourceRevision(unit.id()).orElseThrow());
                    return text == null ? new ExportedUnit(unit, null, Suggestion.NONE)
                            : new ExportedUnit(unit, List.of(new Inline.Text(text)), Suggestion.TRANSLATION);
                })
                .toList();
    }

    /** The names of the revision's topics named in the source language and not yet in the locale. */
    private List<ExportedUnit> topicUnits(List<String> terms, String sourceLocale, String locale) {
        return topics.namedBy(terms).stream()
                .filter(topic -> topic.locales().containsKey(sourceLocale) && !topic.locales().containsKey(locale))
                .map(topic -> new ExportedUnit(TopicUnits.unit(topic.key(), topic.locales().get(sourceLocale).name()),
                        null, Suggestion.NONE))
                .toList();
    }

    /** What the article's current translation into the locale says for each source segment it translated. */
    private Map<String, List<Inline>> translatedBefore(Article article, String locale) {
        Map<String, List<Inline>> translated = new HashMap<>();
        ArticleVariant variant = article.variant(locale).orElse(null);
        Integer from = variant == null ? null : variant.getCurrent().getSourceRevision();
        if (from != null) {
            store.revision(article.sourceVariant(), from).ifPresent(source ->
                    TranslationMemory.remember(source.content(), variant.getCurrent().content(), translated));
        }
        return translated;
    }
}
