package org.medpub.cms.media.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SafeImagesTest {

    private static final long MAX_PIXELS = 40_000_000;

    @Test
    void theTypeIsReadFromTheBytes() throws IOException {
        assertEquals(SafeImages.Format.JPEG, SafeImages.sniff(jpeg(10, 10)));
        assertEquals(SafeImages.Format.PNG, SafeImages.sniff(png(10, 10)));
        assertEquals("unsupported-image-type", refusal(() -> SafeImages.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("svg-refused", refusal(() -> SafeImages.sniff(
                "  <?xml version=\"1.0\"?>\n<svg onload=\"alert(1)\"></svg>".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aJpegIsReEncodedWithoutItsExif() throws IOException {
        byte[] upload = withExif(jpeg(100, 50), "GPS-SECRET");
        SafeImages.SafeImage image = SafeImages.open(upload, MAX_PIXELS);
        byte[] kept = SafeImages.renditions(image).get(0).bytes();
        String text = new String(kept, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("Exif"));
        assertFalse(text.contains("GPS-SECRET"));
        assertEquals(100, ImageIO.read(new ByteArrayInputStream(kept)).getWidth());
    }

    @Test
    void anExifOrientationTurnsThePixelsUpright() throws IOException {
        byte[] upload = withOrientation(jpeg(100, 50), 6);
        SafeImages.SafeImage image = SafeImages.open(upload, MAX_PIXELS);
        assertEquals(50, image.width());
        assertEquals(100, image.height());
    }

    @Test
    void renditionsAreNeverUpscaled() throws IOException {
        assertEquals(List.of(320, 640, 1024, 1600, 2400), SafeImages.widthsFor(2400));
        assertEquals(List.of(320, 500), SafeImages.widthsFor(500));
        assertEquals(List.of(200), SafeImages.widthsFor(200));
        List<SafeImages.Made> made = SafeImages.renditions(SafeImages.open(png(700, 350), MAX_PIXELS));
        assertEquals(List.of(320, 640, 700), made.stream().map(SafeImages.Made::width).toList());
        assertEquals(160, made.get(0).height());
        assertEquals("png", made.get(0).ext());
    }

    @Test
    void aPixelBombIsRefusedFromItsHeader() {
        assertEquals("too-many-pixels", refusal(() -> SafeImages.open(pngHeader(100_000, 100_000), MAX_PIXELS)));
    }

    @Test
    void anythingAfterTheImageIsRefused() throws IOException {
        byte[] zip = "PK\u0003\u0004 rest of an archive".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("trailing-data", refusal(() -> SafeImages.open(concat(png(20, 20), zip), MAX_PIXELS)));
        assertEquals("trailing-data", refusal(() -> SafeImages.open(concat(jpeg(20, 20), zip), MAX_PIXELS)));
        // zero padding some cameras write is no payload
        SafeImages.open(concat(jpeg(20, 20), new byte[16]), MAX_PIXELS);
    }

    @Test
    void aFileCutShortIsRefused() throws IOException {
        byte[] jpeg = jpeg(200, 200);
        byte[] png = png(200, 200);
        assertEquals("truncated-image", refusal(() -> SafeImages.open(Arrays.copyOf(jpeg, jpeg.length - 10), MAX_PIXELS)));
        assertEquals("truncated-image", refusal(() -> SafeImages.open(Arrays.copyOf(png, png.length - 5), MAX_PIXELS)));
    }

    @Test
    void anUploadIsReadOnlyUpToItsLimit() throws IOException {
        assertArrayEquals(new byte[10], UploadBytes.read(new ByteArrayInputStream(new byte[10]), 10));
        ImageRefused refused = assertThrows(ImageRefused.class, () -> UploadBytes.read(new ByteArrayInputStream(new byte[11]), 10));
        assertEquals(413, refused.status());
    }

    private static String refusal(org.junit.jupiter.api.function.Executable upload) {
        return assertThrows(ImageRefused.class, upload).type();
    }

    static byte[] jpeg(int width, int height) throws IOException {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    static byte[] png(int width, int height) throws IOException {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** An EXIF block (big-endian TIFF) whose IFD0 holds an image description. */
    static byte[] withExif(byte[] jpeg, String description) {
        byte[] text = (description + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4 + text.length);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1)
                .putShort((short) 0x010e).putShort((short) 2).putInt(text.length).putInt(26).putInt(0).put(text);
        return insertApp1(jpeg, tiff.array());
    }

    static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
        tiff.put(new byte[] {'I', 'I', 42, 0}).put(new byte[] {8, 0, 0, 0}).put(new byte[] {1, 0})
                .put(new byte[] {0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0}).putInt(0);
        return insertApp1(jpeg, tiff.array());
    }

    private static byte[] insertApp1(byte[] jpeg, byte[] tiff) {
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff);
        int length = exif.length + 2;
        byte[] app1 = concat(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length}, exif);
        return concat(concat(Arrays.copyOf(jpeg, 2), app1), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(33).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
