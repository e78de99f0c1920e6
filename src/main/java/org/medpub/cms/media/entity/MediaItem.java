package org.medpub.cms.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An image of the library: its licence and source (a health publisher must prove it may show it)
 * and which of its versions is current; the files are its {@link MediaVersion}s.
 */
@Entity
@Table(name = "media_item")
public class MediaItem {

    @Id
    @SequenceGenerator(name = "media_item_seq", sequenceName = "media_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "media_item_seq")
    private Long id;

    private String licence;

    private String source;

    @Column(name = "current_version")
    private int currentVersion;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    protected MediaItem() {
    }

    public MediaItem(String licence, String source, String createdBy, Instant createdAt) {
        this.licence = licence;
        this.source = source;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** A new version became the current one. */
    public void advanceTo(int version) {
        this.currentVersion = version;
    }

    public Long getId() {
        return id;
    }

    public String getLicence() {
        return licence;
    }

    public String getSource() {
        return source;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
