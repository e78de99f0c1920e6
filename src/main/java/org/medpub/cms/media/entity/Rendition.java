package org.medpub.cms.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One width of a version, made once at upload: its file is the stored bytes named by {@code blobHash}. */
@Entity
@Table(name = "media_rendition")
@IdClass(Rendition.Key.class)
public class Rendition {

    public static class Key implements Serializable {
        private Long version;
        private int width;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(version, k.version) && width == k.width;
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, width);
        }
    }

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "version_id")
    private MediaVersion version;

    @Id
    private int width;

    private int height;

    /** {@code jpg} or {@code png}. */
    private String ext;

    @Column(name = "blob_hash")
    private String blobHash;

    protected Rendition() {
    }

    public Rendition(MediaVersion version, int width, int height, String ext, String blobHash) {
        this.version = version;
        this.width = width;
        this.height = height;
        this.ext = ext;
        this.blobHash = blobHash;
    }

    public MediaVersion getVersion() {
        return version;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public String getExt() {
        return ext;
    }

    public String getBlobHash() {
        return blobHash;
    }
}
