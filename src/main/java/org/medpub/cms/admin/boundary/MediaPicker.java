package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.medpub.cms.media.control.Figure;
import org.medpub.cms.media.control.MediaLibrary;
import org.medpub.cms.media.entity.MediaItem;
import org.medpub.cms.media.entity.MediaText;
import org.medpub.cms.media.entity.Rendition;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * The editor's "Insert image": a search of the media library by words of the alt text or caption,
 * whose images editor.js inserts at the cursor of the body as {@code ![alt](media:id)}, with the
 * alt text of the article's locale. The newest images when no word is given.
 */
@Named
@RequestScoped
public class MediaPicker {

    static final int SHOWN = 12;

    /** An image found: its thumbnail from the editorial address, its alt text in the article's locale, and its Markdown. */
    public record Found(long id, String thumbnail, String alt, String markdown) {
    }

    @Inject
    MediaLibrary library;

    @Inject
    OpenArticle open;

    @Inject
    EnabledLocales locales;

    private String q;
    private List<Found> found;

    public void find() {
        String locale = getLocale();
        List<MediaItem> items = library.list(q, null, null, SHOWN);
        Map<Long, Rendition> thumbnails = library.thumbnails(items);
        Map<Long, String> alts = library.texts(items.stream().map(MediaItem::getId).toList(), locale).stream()
                .filter(text -> text.getAlt() != null)
                .collect(Collectors.toMap(MediaText::getItemId, MediaText::getAlt));
        found = items.stream().map(item -> found(item, thumbnails.get(item.getId()), alts.get(item.getId()))).toList();
    }

    private static Found found(MediaItem item, Rendition thumbnail, String alt) {
        return new Found(item.getId(), thumbnail == null ? null : Figure.editorialPath(thumbnail), alt,
                "![" + markdownText(alt) + "](media:" + item.getId() + ")");
    }

    /** The alt text as a Markdown image's text: on one line, its brackets and backslashes escaped. */
    static String markdownText(String alt) {
        if (alt == null) {
            return "";
        }
        return alt.replaceAll("\\s+", " ").strip().replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    /** The locale of the article's text: the variant open, or a new article's source locale. */
    public String getLocale() {
        String locale = open.getLocale() != null ? open.getLocale() : open.getSourceLocale();
        return locale != null ? locale : locales.defaultLocale();
    }

    /** Null until searched, so that the editor's page costs the library nothing until the picker opens. */
    public List<Found> getFound() {
        return found;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
