package org.medpub.cms.media.control;

/**
 * The orientation tag (0x0112) of a JPEG's EXIF block, read by hand from the APP1 segment: the
 * one EXIF value kept, by turning the pixels, before all of EXIF is dropped.
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /** 1 (upright) to 8; 1 when there is no EXIF or no orientation. */
    static int of(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
            int marker = jpeg[at + 1] & 0xff;
            int length = ((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff);
            if (marker == 0xda || marker == 0xd9) {
                return 1;
            }
            if (marker == 0xe1 && length >= 8 && at + 2 + length <= jpeg.length && isExif(jpeg, at + 4)) {
                return orientation(jpeg, at + 10, at + 2 + length);
            }
            at += 2 + length;
        }
        return 1;
    }

    private static boolean isExif(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0 && b[at + 5] == 0;
    }

    private static int orientation(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = b[tiff] == 'I';
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        if (ifd < tiff || ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8) : ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at, boolean little) {
        return little ? ((long) u16(b, at + 2, true) << 16) | u16(b, at, true) : ((long) u16(b, at, false) << 16) | u16(b, at + 2, false);
    }
}
