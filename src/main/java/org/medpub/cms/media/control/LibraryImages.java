package org.medpub.cms.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.medpub.cms.article.control.ArticleImages;
import org.medpub.cms.article.control.ImageTexts;
import org.medpub.cms.article.control.RevisionSaved;
import org.medpub.cms.media.entity.MediaItem;
import org.medpub.cms.media.entity.MediaText;
import org.medpub.cms.media.entity.MediaVersion;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.BusinessException;

/**
 * The media library as articles see it: pinning, figures, usage, the alt text an approval needs,
 * and the alt texts and captions translators translate.
 */
@ApplicationScoped
@Transactional
public class LibraryImages implements ArticleImages, ImageTexts {

    // a Markdown image whose destination is a media reference, for pinning in the text as written
    private static final Pattern IMAGE = Pattern.compile("(!\\[[^\\]\\n]*\\]\\(\\s*<?)" + REFERENCE.pattern());

    @Inject
    MediaLibrary library;

    @Override
    public String pin(String markdown) {
        Matcher m = IMAGE.matcher(markdown);
        StringBuilder pinned = new StringBuilder(markdown.length() + 16);
        while (m.find()) {
            long itemId = Long.parseLong(m.group(2));
            MediaItem item = library.find(itemId).orElseThrow(() -> new BusinessException.InvalidInput("body",
                    "The text shows media:" + itemId + ", but there is no image " + itemId + " in the media library"));
            int version = m.group(3) == null ? item.getCurrentVersion() : Integer.parseInt(m.group(3));
            if (library.version(itemId, version).isEmpty()) {
                throw new BusinessException.InvalidInput("body", "The text shows media:" + itemId + "@" + version
                        + ", but image " + itemId + " has versions 1 to " + item.getCurrentVersion());
            }
            m.appendReplacement(pinned, Matcher.quoteReplacement(m.group(1) + "media:" + itemId + "@" + version));
        }
        m.appendTail(pinned);
        return pinned.toString();
    }

    @Override
    public String figure(Reference reference, String locale, String previewToken) {
        return version(reference).map(version -> Figure.html(version, library.text(reference.item(), locale).orElse(null), previewToken))
                .orElse("");
    }

    @Override
    public String editorialFigure(Reference reference, String locale) {
        return version(reference).map(version -> Figure.editorialHtml(version, library.text(reference.item(), locale).orElse(null)))
                .orElse("");
    }

    private Optional<MediaVersion> version(Reference reference) {
        Optional<MediaItem> item = library.find(reference.item());
        if (item.isEmpty()) {
            return Optional.empty();
        }
        int number = reference.version() == null ? item.get().getCurrentVersion() : reference.version();
        return library.version(reference.item(), number);
    }

    @Override
    public List<String> missingAltText(String markdown, String locale) {
        Set<String> missing = new LinkedHashSet<>();
        for (Reference reference : ArticleImages.references(markdown)) {
            Optional<MediaItem> item = library.find(reference.item());
            if (item.isEmpty()) {
                continue;
            }
            boolean hasAlt = library.text(reference.item(), locale).map(MediaText::getAlt).isPresent();
            if (!hasAlt) {
                missing.add("media:" + reference.item() + (reference.version() == null ? "" : "@" + reference.version()));
            }
        }
        return List.copyOf(missing);
    }

    @Override
    public Map<Long, ImageTexts.Texts> in(Collection<Long> items, String locale) {
        return library.texts(items, locale).stream()
                .collect(Collectors.toMap(MediaText::getItemId, text -> new ImageTexts.Texts(text.getAlt(), text.getCaption())));
    }

    @Override
    public void translate(long item, String locale, ImageTexts.Texts texts, Actor translator) {
        Optional<MediaText> now = library.text(item, locale);
        String alt = texts.alt() != null ? texts.alt() : now.map(MediaText::getAlt).orElse(null);
        String caption = texts.caption() != null ? texts.caption() : now.map(MediaText::getCaption).orElse(null);
        String credit = now.map(MediaText::getCredit).orElse(null);
        // an unchanged text is not written again, so that live pages showing it are not rendered anew
        if (now.isPresent() && Objects.equals(alt, now.get().getAlt()) && Objects.equals(caption, now.get().getCaption())) {
            return;
        }
        library.writeTexts(item, locale, new MediaLibrary.Texts(alt, caption, credit), translator);
    }

    /** Records, in the saving transaction, which versions the new revision shows. */
    void onRevisionSaved(@Observes RevisionSaved saved) {
        List<Reference> references = ArticleImages.references(saved.revision().getBody());
        if (references.isEmpty()) {
            return;
        }
        List<long[]> shown = new ArrayList<>();
        for (Reference reference : references) {
            if (reference.version() != null) {
                shown.add(new long[] {reference.item(), reference.version()});
            }
        }
        library.recordUsage(saved.revision(), shown);
    }
}
