package org.medpub.cms.admin.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medpub.cms.media.control.Figure;
import org.medpub.cms.media.control.MediaLibrary;
import org.medpub.cms.media.entity.MediaItem;
import org.medpub.cms.media.entity.MediaText;
import org.medpub.cms.media.entity.MediaVersion;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * The texts of one image on the media library page ({@code ?item=}), every enabled locale side by
 * side: alt text, caption and credit, each input in its locale's language and direction. Whoever
 * may not write a locale's texts (a translator of other languages) reads them. Saving writes only
 * the locales that changed, so an image's articles hear only of real changes.
 */
@Named
@ViewScoped
public class ImageTextsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The texts of one locale as loaded, and as the form now has them. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String locale;
        private final String direction;
        private final boolean writable;
        private final String[] loaded;
        private String alt;
        private String caption;
        private String credit;

        Row(String locale, String direction, boolean writable, MediaText text) {
            this.locale = locale;
            this.direction = direction;
            this.writable = writable;
            this.alt = text == null ? null : text.getAlt();
            this.caption = text == null ? null : text.getCaption();
            this.credit = text == null ? null : text.getCredit();
            this.loaded = new String[] {alt, caption, credit};
        }

        boolean changed() {
            return !Objects.equals(blankless(alt), loaded[0]) || !Objects.equals(blankless(caption), loaded[1])
                    || !Objects.equals(blankless(credit), loaded[2]);
        }

        private static String blankless(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }

        public String getLocale() {
            return locale;
        }

        public String getDirection() {
            return direction;
        }

        public boolean isWritable() {
            return writable;
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
    }

    @Inject
    MediaLibrary library;

    @Inject
    EnabledLocales locales;

    @Inject
    Caller caller;

    @Inject
    Words words;

    @Inject
    UiLanguage language;

    private String item;
    private Long itemId;
    private int version;
    private String licence;
    private String source;
    private String image;
    private List<Row> rows = List.of();

    /** Loads the image the address names; an unknown one is said so, and the grid still shows. */
    public void load() {
        itemId = null;
        if (item == null || item.isBlank()) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(item.strip());
        } catch (NumberFormatException e) {
            Notices.error(null, words.with("media.texts.unknown", "id", item));
            return;
        }
        MediaItem found = library.find(id).orElse(null);
        if (found == null) {
            Notices.error(null, words.with("media.texts.unknown", "id", item));
            return;
        }
        itemId = id;
        version = found.getCurrentVersion();
        licence = found.getLicence();
        source = found.getSource();
        image = library.version(id, version).map(MediaVersion::getRenditions).filter(r -> !r.isEmpty())
                .map(r -> Figure.editorialPath(r.get(0))).orElse(null);
        Map<String, MediaText> texts = library.texts(id);
        List<Row> loaded = new ArrayList<>();
        for (String locale : locales.all()) {
            loaded.add(new Row(locale, language.directionOf(locale), EditorialPermissions.mayWriteMediaTexts(caller.actor(), locale),
                    texts.get(locale)));
        }
        rows = loaded;
    }

    /** Writes the locales that changed and opens the image again, saying so; a refusal keeps the form as typed. */
    public String save() {
        if (itemId == null) {
            return null;
        }
        try {
            int saved = 0;
            for (Row row : rows) {
                if (row.writable && row.changed()) {
                    library.writeTexts(itemId, row.locale, new MediaLibrary.Texts(row.alt, row.caption, row.credit), caller.actor());
                    saved++;
                }
            }
            Notices.keepForRedirect();
            Notices.info(words.with("media.texts.saved", "count", saved));
            return "/admin/media.xhtml?faces-redirect=true&item=" + itemId;
        } catch (BusinessException refused) {
            Notices.refused(words, refused);
            return null;
        }
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item;
    }

    public Long getItemId() {
        return itemId;
    }

    public int getVersion() {
        return version;
    }

    public String getLicence() {
        return licence;
    }

    public String getSource() {
        return source;
    }

    public String getImage() {
        return image;
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isMayWriteAny() {
        return rows.stream().anyMatch(Row::isWritable);
    }
}
