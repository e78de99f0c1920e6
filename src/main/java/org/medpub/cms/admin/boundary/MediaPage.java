package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medpub.cms.media.control.Figure;
import org.medpub.cms.media.control.MediaLibrary;
import org.medpub.cms.media.control.UploadDetails;
import org.medpub.cms.media.control.Uploads;
import org.medpub.cms.media.entity.MediaItem;
import org.medpub.cms.media.entity.MediaText;
import org.medpub.cms.media.entity.Rendition;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * The media library page ({@code /admin/media.xhtml}): the images as a grid of thumbnails, found by
 * words of their alt text or caption and filtered to those without alt text in a locale (both in the
 * URL, a GET form, as on the articles list), each with the revisions that show it; and the upload,
 * which media.js sends with a progress bar and which works as a plain form without script.
 */
@Named
@RequestScoped
public class MediaPage {

    static final int PAGE_SIZE = 24;

    /** The texts of a tile in one locale, shown in that locale's language and direction. */
    public record TileText(String locale, String direction, String alt, String caption) {
    }

    /** Where an image is shown: a revision of an article in a locale, and whether readers see it. */
    public record Use(long articleId, String locale, int revision, int version, boolean live) {
    }

    /** One image of the grid: its thumbnail (the smallest rendition, at most 320 pixels wide) from the editorial address. */
    public record Tile(long id, int version, String thumbnail, int width, int height, String thumbnailAlt, List<TileText> texts,
            List<String> missingAlt, String licence, List<Use> usage) {
    }

    /** An option of a select. */
    public record Choice(String value, String label) {
    }

    @Inject
    MediaLibrary library;

    @Inject
    Uploads uploads;

    @Inject
    EnabledLocales locales;

    @Inject
    Caller caller;

    @Inject
    Words words;

    @Inject
    UiLanguage language;

    @Inject
    Refusals refusals;

    private String q;
    private String missing;
    private String after;
    private List<Tile> tiles;
    private String next;
    private String missingError;

    private Part file;
    private String locale;
    private String alt;
    private String caption;
    private String credit;
    private String licence;
    private String source;

    /** Whoever adds images (authors, editors, admins) or translates their texts finds the page in the navigation. */
    public boolean isMayOpen() {
        return EditorialPermissions.mayManageMedia(caller.actor()) || EditorialPermissions.translates(caller.actor());
    }

    public boolean isMayUpload() {
        return EditorialPermissions.mayManageMedia(caller.actor());
    }

    public List<Tile> getTiles() {
        if (tiles == null) {
            load();
        }
        return tiles;
    }

    /** The cursor of the next page, or null on the last. */
    public String getNext() {
        getTiles();
        return next;
    }

    private void load() {
        String missingIn = missing == null || missing.isBlank() ? null : locales.find(missing).orElse(null);
        if (missing != null && !missing.isBlank() && missingIn == null) {
            missingError = words.with("media.filter.unknownLocale", "locale", missing);
        }
        Long before = null;
        if (after != null && !after.isBlank()) {
            try {
                before = Long.parseLong(after.strip());
            } catch (NumberFormatException ignored) {
                // a cursor someone typed: the first page
            }
        }
        List<MediaItem> rows = library.list(q, missingIn, before, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        List<MediaItem> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        next = more ? String.valueOf(page.get(page.size() - 1).getId()) : null;
        Map<Long, Rendition> thumbnails = library.thumbnails(page);
        Map<Long, Map<String, MediaText>> texts = library.texts(page.stream().map(MediaItem::getId).toList());
        tiles = page.stream().map(item -> tile(item, thumbnails.get(item.getId()), texts.getOrDefault(item.getId(), Map.of())))
                .toList();
    }

    private Tile tile(MediaItem item, Rendition smallest, Map<String, MediaText> texts) {
        List<TileText> shown = new ArrayList<>();
        List<String> missingAlt = new ArrayList<>();
        for (String enabled : locales.all()) {
            MediaText text = texts.get(enabled);
            if (text == null || text.getAlt() == null) {
                missingAlt.add(enabled);
            }
            if (text != null && (text.getAlt() != null || text.getCaption() != null)) {
                shown.add(new TileText(enabled, language.directionOf(enabled), text.getAlt(), text.getCaption()));
            }
        }
        MediaText own = texts.get(language.getTag());
        MediaText first = texts.get(locales.defaultLocale());
        // the alt text in the UI's language, else the default locale's, else the image named by its number
        String thumbnailAlt = own != null && own.getAlt() != null ? own.getAlt() : first != null && first.getAlt() != null ? first.getAlt()
                : words.with("media.insert.untitled", "id", String.valueOf(item.getId()));
        List<Use> usage = library.usage(item.getId()).stream()
                .map(use -> new Use(use.articleId(), use.locale(), use.revision(), use.version(), use.live())).toList();
        return new Tile(item.getId(), item.getCurrentVersion(), smallest == null ? null : Figure.editorialPath(smallest),
                smallest == null ? 0 : smallest.getWidth(), smallest == null ? 0 : smallest.getHeight(), thumbnailAlt, shown,
                missingAlt, item.getLicence(), usage);
    }

    /** Takes the upload in as the API does; a refusal is shown at its fields, or with the problem's words. */
    public String upload() {
        try {
            UploadDetails details = UploadDetails.checked(file != null && file.getSize() > 0, locale,
                    new MediaLibrary.Texts(alt, caption, credit), licence, source, locales);
            MediaLibrary.Stored stored;
            try (InputStream in = file.getInputStream()) {
                stored = uploads.upload(in, details, caller.actor());
            }
            long id = stored.version().getItem().getId();
            Notices.keepForRedirect();
            Notices.info(stored.found() ? words.with("media.upload.found", "id", String.valueOf(id))
                    : words.with("media.upload.done", "id", String.valueOf(id)));
            return "/admin/media.xhtml?faces-redirect=true&item=" + id;
        } catch (BusinessException refused) {
            if (refused.errors().isEmpty()) {
                // a refusal of the file itself (its type, size, pixels) stands at the file input
                Notices.error("upload:file", words.textOr("problem." + refused.type() + ".title", refused.type()) + ": "
                        + refused.getMessage());
            } else {
                refusals.show(refused, FormFields.upload());
            }
        } catch (IOException unreadable) {
            Notices.error("upload:file", words.text("problem.unreadable-image.title"));
        }
        return null;
    }

    public List<Choice> getLocaleChoices() {
        return locales.all().stream().map(tag -> new Choice(tag, words.language(tag))).toList();
    }

    /** The locale an upload's texts are in: the UI language where it is enabled, else the default locale. */
    public String getLocale() {
        if (locale == null) {
            locale = locales.find(language.getTag()).orElse(locales.defaultLocale());
        }
        return locale;
    }

    public long getMaxBytes() {
        return uploads.maxBytes();
    }

    public String getMissingError() {
        getTiles();
        return missingError;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getMissing() {
        return missing;
    }

    public void setMissing(String missing) {
        this.missing = missing;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getAlt() {
        return alt;
    }

    public void setAlt(String alt) {
        this.alt = alt;
    }

    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
    }

    public String getCredit() {
        return credit;
    }

    public void setCredit(String credit) {
        this.credit = credit;
    }

    public String getLicence() {
        return licence;
    }

    public void setLicence(String licence) {
        this.licence = licence;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
