package org.medpub.cms.media.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One uploaded file of an item, never changed: what an article pinned stays what its reviewer saw. */
@Entity
@Table(name = "media_version")
public class MediaVersion {

    @Id
    @SequenceGenerator(name = "media_version_seq", sequenceName = "media_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "media_version_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "item_id", updatable = false)
    private MediaItem item;

    @Column(name = "version_no", updatable = false)
    private int number;

    @Column(name = "upload_hash", updatable = false)
    private String uploadHash;

    /** {@code jpeg}, {@code png} or {@code webp}: what the bytes were, whatever the name said. */
    @Column(updatable = false)
    private String format;

    @Column(updatable = false)
    private int width;

    @Column(updatable = false)
    private int height;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @OneToMany(mappedBy = "version", cascade = CascadeType.PERSIST)
    @OrderBy("width")
    private List<Rendition> renditions = new ArrayList<>();

    protected MediaVersion() {
    }

    public MediaVersion(MediaItem item, int number, String uploadHash, String format, int width, int height,
            String createdBy, Instant createdAt) {
        this.item = item;
        this.number = number;
        this.uploadHash = uploadHash;
        this.format = format;
        this.width = width;
        this.height = height;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public void add(Rendition rendition) {
        renditions.add(rendition);
    }

    public Long getId() {
        return id;
    }

    public MediaItem getItem() {
        return item;
    }

    public int getNumber() {
        return number;
    }

    public String getUploadHash() {
        return uploadHash;
    }

    public String getFormat() {
        return format;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public List<Rendition> getRenditions() {
        return renditions;
    }
}
