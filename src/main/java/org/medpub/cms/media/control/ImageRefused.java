package org.medpub.cms.media.control;

import org.medpub.cms.platform.control.BusinessException;

/** An upload refused for what its bytes are; nothing of it was stored. */
public final class ImageRefused extends BusinessException {

    private final int status;
    private final String type;

    ImageRefused(int status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    static ImageRefused tooLarge(long maxBytes) {
        return new ImageRefused(413, "file-too-large", "An image may have at most " + maxBytes + " bytes");
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
