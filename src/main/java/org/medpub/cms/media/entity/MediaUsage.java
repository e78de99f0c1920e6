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
import org.medpub.cms.article.entity.Revision;

/** A revision shows a version of an item: recorded when the revision is saved, never changed. */
@Entity
@Table(name = "media_usage")
@IdClass(MediaUsage.Key.class)
public class MediaUsage {

    public static class Key implements Serializable {
        private Long revision;
        private long itemId;
        private int version;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(revision, k.revision) && itemId == k.itemId && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(revision, itemId, version);
        }
    }

    // a relation rather than an id, so that the revision's row is written first
    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "revision_id")
    private Revision revision;

    @Id
    @Column(name = "item_id")
    private long itemId;

    @Id
    @Column(name = "version_no")
    private int version;

    protected MediaUsage() {
    }

    public MediaUsage(Revision revision, long itemId, int version) {
        this.revision = revision;
        this.itemId = itemId;
        this.version = version;
    }

    public Revision getRevision() {
        return revision;
    }

    public long getItemId() {
        return itemId;
    }

    public int getVersion() {
        return version;
    }
}
