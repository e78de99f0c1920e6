package org.medpub.cms.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Stored bytes, named by their SHA-256: the same bytes are kept once whoever uploads them. */
@Entity
@Table(name = "media_blob")
public class MediaBlob {

    @Id
    private String hash;

    private byte[] bytes;

    @Column(name = "size_bytes")
    private long size;

    protected MediaBlob() {
    }

    public MediaBlob(String hash, byte[] bytes) {
        this.hash = hash;
        this.bytes = bytes;
        this.size = bytes.length;
    }

    public String getHash() {
        return hash;
    }

    public byte[] getBytes() {
        return bytes;
    }

    public long getSize() {
        return size;
    }
}
