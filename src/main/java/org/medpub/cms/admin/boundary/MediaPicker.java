package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.medpub.cms.media.control.Figure;
import org.medpub.cms.media.control.MediaLibrary;
import org.medpub.cms.media.entity.MediaItem;
import org.medpub.cms.media.entity.MediaText;
import org.medpub.cms.media.entity.MediaVersion;
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
        List<String> words = q == null ? List.of() : Arrays.stream(q.strip().split("\\s+")).filter(w -> !w.isEmpty()).limit(10).toList();
        String locale = getLocale();
        found = library.list(words, null, null, SHOWN).stream().map(item -> found(item, locale)).toList();
    }

    private Found found(MediaItem item, String locale) {
        String thumbnail = library.version(item.getId(), item.getCurrentVersion()).map(MediaVersion::getRenditions)
                .filter(r -> !r.isEmpty()).map(r -> r.get(0)).map(Figure::editorialPath).orElse(null);
        String alt = library.text(item.getId(), locale).map(MediaText::getAlt).orElse(null);
        return new Found(item.getId(), thumbnail, alt, "![" + markdownText(alt) + "](media:" + item.getId() + ")");
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
