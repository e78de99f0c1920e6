package org.medpub.cms.archive.control;

import org.medpub.cms.platform.control.BusinessException;

/** An archive that cannot be imported here, and why; nothing of it was stored. */
public final class ArchiveRefused extends BusinessException {

    private final String type;
    private final int status;

    private ArchiveRefused(String type, int status, String detail) {
        super(detail);
        this.type = type;
        this.status = status;
    }

    /** The file is not an archive of this product, or one of its files cannot be read. */
    static ArchiveRefused unreadable(String detail) {
        return new ArchiveRefused("archive-unreadable", 400, detail);
    }

    /** A row names something the archive does not hold (or holds twice). */
    static ArchiveRefused inconsistent(String detail) {
        return new ArchiveRefused("archive-inconsistent", 400, detail);
    }

    /** The instance already holds content: an archive is only imported into an empty one. */
    static ArchiveRefused targetNotEmpty(String detail) {
        return new ArchiveRefused("archive-target-not-empty", 409, detail);
    }

    /** The archive was made by a newer release, whose schema this one does not know. */
    static ArchiveRefused newer(String detail) {
        return new ArchiveRefused("archive-newer", 409, detail);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String type() {
        return type;
    }
}
