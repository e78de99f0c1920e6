package org.medpub.cms.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** What an item says in one locale: the alt text readers of screen readers hear, the caption and the credit. */
@Entity
@Table(name = "media_text")
@IdClass(MediaText.Key.class)
public class MediaText {

    public static class Key implements Serializable {
        private long itemId;
        private String locale;

        public Key() {
        }

        public Key(long itemId, String locale) {
            this.itemId = itemId;
            this.locale = locale;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && itemId == k.itemId && Objects.equals(locale, k.locale);
        }

        @Override
        public int hashCode() {
            return Objects.hash(itemId, locale);
        }
    }

    @Id
    @Column(name = "item_id")
    private long itemId;

    @Id
    private String locale;

    private String alt;

    private String caption;

    private String credit;

    protected MediaText() {
    }

    public MediaText(long itemId, String locale) {
        this.itemId = itemId;
        this.locale = locale;
    }

    public void change(String alt, String caption, String credit) {
        this.alt = alt;
        this.caption = caption;
        this.credit = credit;
    }

    public long getItemId() {
        return itemId;
    }

    public String getLocale() {
        return locale;
    }

    public String getAlt() {
        return alt;
    }

    public String getCaption() {
        return caption;
    }

    public String getCredit() {
        return credit;
    }
}
