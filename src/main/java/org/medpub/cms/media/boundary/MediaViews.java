package org.medpub.cms.media.boundary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medpub.cms.media.control.Figure;
import org.medpub.cms.media.control.MediaLibrary;
import org.medpub.cms.media.entity.MediaItem;
import org.medpub.cms.media.entity.MediaText;
import org.medpub.cms.media.entity.MediaVersion;
import org.medpub.cms.media.entity.Rendition;

/** The media library as the JSON API shows it. */
public final class MediaViews {

    private MediaViews() {
    }

    public record RenditionView(int width, int height, String url) {
        static RenditionView of(Rendition rendition) {
            return new RenditionView(rendition.getWidth(), rendition.getHeight(), Figure.path(rendition));
        }
    }

    /** What an upload answers: the item, the version it made (or found) and that version's renditions. */
    public record Uploaded(long id, int version, String format, boolean deduplicated, List<RenditionView> renditions) {
        static Uploaded of(MediaLibrary.Stored stored) {
            MediaVersion version = stored.version();
            return new Uploaded(version.getItem().getId(), version.getNumber(), version.getFormat(), stored.found(),
                    version.getRenditions().stream().map(RenditionView::of).toList());
        }
    }

    public record VersionView(int version, String format, int width, int height, Instant createdAt, String createdBy,
            List<RenditionView> renditions) {
        static VersionView of(MediaVersion version) {
            return new VersionView(version.getNumber(), version.getFormat(), version.getWidth(), version.getHeight(),
                    version.getCreatedAt(), version.getCreatedBy(), version.getRenditions().stream().map(RenditionView::of).toList());
        }
    }

    public record TextsView(String alt, String caption, String credit) {
        static TextsView of(MediaText text) {
            return new TextsView(text.getAlt(), text.getCaption(), text.getCredit());
        }
    }

    public record ItemView(long id, int currentVersion, String licence, String source, Instant createdAt, String createdBy,
            Map<String, TextsView> texts, List<VersionView> versions, List<MediaLibrary.Use> usage) {
        static ItemView of(MediaItem item, Map<String, MediaText> texts, List<MediaVersion> versions, List<MediaLibrary.Use> usage) {
            Map<String, TextsView> byLocale = new LinkedHashMap<>();
            texts.forEach((locale, text) -> byLocale.put(locale, TextsView.of(text)));
            return new ItemView(item.getId(), item.getCurrentVersion(), item.getLicence(), item.getSource(), item.getCreatedAt(),
                    item.getCreatedBy(), byLocale, versions.stream().map(VersionView::of).toList(), usage);
        }
    }

    public record ListItem(long id, int currentVersion, String thumbnail, Map<String, TextsView> texts) {
    }

    public record Page(List<ListItem> items, String next) {
    }
}
