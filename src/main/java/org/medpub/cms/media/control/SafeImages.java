package org.medpub.cms.media.control;

import com.twelvemonkeys.image.ResampleOp;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes an uploaded file safe to serve, or refuses it with the reason: the type is what the bytes
 * are (JPEG, PNG, WebP by their signatures), never what the name or Content-Type claim; the pixel
 * count is read from the header before anything is decoded, so a decompression bomb costs nothing;
 * a file must end where its image ends (no appended archive or script: no polyglot) and must not be
 * cut short; and what is kept is not the upload but the decoded pixels encoded anew, turned upright
 * as its EXIF orientation said, so no EXIF (GPS position, camera serial), comment or payload survives.
 * <p>
 * WebP is decoded (TwelveMonkeys) but there is no pure-Java WebP encoder: a WebP upload is kept and
 * served as PNG when it has transparency, else as JPEG.
 */
public final class SafeImages {

    /** The widths offered besides the original's; none is larger than the original (never upscaled). */
    public static final List<Integer> WIDTHS = List.of(320, 640, 1024, 1600);

    static final float JPEG_QUALITY = 0.85f;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static {
        // the WAR's plugins are not on the class path ImageIO scans at its start: register them once
        IIORegistry registry = IIORegistry.getDefaultInstance();
        registry.registerServiceProvider(new JPEGImageReaderSpi(), ImageReaderSpi.class);
        registry.registerServiceProvider(new WebPImageReaderSpi(), ImageReaderSpi.class);
    }

    public enum Format {
        JPEG("jpeg"), PNG("png"), WEBP("webp");

        final String imageIoName;

        Format(String imageIoName) {
            this.imageIoName = imageIoName;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A checked, decoded and upright image, and the extension it is served with ({@code jpg} or {@code png}). */
    public record SafeImage(Format format, BufferedImage image, String ext) {
        public int width() {
            return image.getWidth();
        }

        public int height() {
            return image.getHeight();
        }
    }

    /** One rendition, encoded. */
    public record Made(int width, int height, String ext, byte[] bytes) {
    }

    private SafeImages() {
    }

    /** Checks and decodes an upload; throws {@link ImageRefused} naming the reason. */
    public static SafeImage open(byte[] bytes, long maxPixels) {
        Format format = sniff(bytes);
        int[] size = dimensions(bytes, format);
        if ((long) size[0] * size[1] > maxPixels) {
            throw new ImageRefused(413, "too-many-pixels", "The image claims " + size[0] + "×" + size[1]
                    + " pixels; at most " + maxPixels + " pixels are taken, and it was not decoded");
        }
        requireWhole(bytes, format);
        BufferedImage image = decode(bytes, format);
        if (format == Format.JPEG) {
            image = upright(image, ExifOrientation.of(bytes));
        }
        boolean alpha = image.getColorModel().hasAlpha();
        String ext = format == Format.PNG || (format == Format.WEBP && alpha) ? "png" : "jpg";
        return new SafeImage(format, ext.equals("png") ? argb(image) : rgb(image), ext);
    }

    /** The type of an upload, by its leading bytes. */
    public static Format sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Format.JPEG;
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Format.PNG;
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return Format.WEBP;
        }
        if (looksLikeSvg(bytes)) {
            throw new ImageRefused(415, "svg-refused", "SVG images are refused: an SVG is a document that can carry"
                    + " script and links to elsewhere; upload the image as PNG");
        }
        throw new ImageRefused(415, "unsupported-image-type",
                "The file is not a JPEG, PNG or WebP image (its type is read from its bytes, not from its name)");
    }

    private static boolean looksLikeSvg(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return start.stripLeading().startsWith("<") && start.contains("<svg");
    }

    private static int[] dimensions(byte[] bytes, Format format) {
        ImageReader reader = reader(format);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException e) {
            throw unreadable(format);
        } finally {
            reader.dispose();
        }
    }

    /** Refuses a file cut short, and one with anything after the end of its image (a polyglot). */
    static void requireWhole(byte[] bytes, Format format) {
        int end = switch (format) {
            case PNG -> pngEnd(bytes);
            case JPEG -> jpegEnd(bytes);
            case WEBP -> webpEnd(bytes);
        };
        if (end < 0) {
            throw new ImageRefused(400, "truncated-image", "The " + format.id().toUpperCase(Locale.ROOT)
                    + " file ends before its image does: it was cut short");
        }
        for (int i = end; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                throw new ImageRefused(400, "trailing-data", "The file goes on for " + (bytes.length - end)
                        + " bytes after the end of its image; a file that is two things at once is refused");
            }
        }
    }

    /** The offset after the IEND chunk, or -1 when the chunks run past the end. */
    private static int pngEnd(byte[] bytes) {
        int at = PNG_SIGNATURE.length;
        while (at + 12 <= bytes.length) {
            long length = readInt(bytes, at) & 0xffffffffL;
            long next = at + 12L + length;
            if (next > bytes.length) {
                return -1;
            }
            if (startsWith(bytes, at + 4, ascii("IEND"))) {
                return (int) next;
            }
            at = (int) next;
        }
        return -1;
    }

    /** The offset after the EOI marker, or -1 when there is none. */
    private static int jpegEnd(byte[] bytes) {
        int at = 2;
        while (at + 1 < bytes.length) {
            if ((bytes[at] & 0xff) != 0xff) {
                return -1;
            }
            int marker = bytes[at + 1] & 0xff;
            if (marker == 0xff) {
                at++;
                continue;
            }
            if (marker == 0xd9) {
                return at + 2;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                at += 2;
                continue;
            }
            if (at + 3 >= bytes.length) {
                return -1;
            }
            int length = ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
            at += 2 + length;
            if (marker == 0xda) {
                // entropy-coded data up to the next marker that is neither a stuffed zero nor a restart
                while (at + 1 < bytes.length) {
                    if ((bytes[at] & 0xff) == 0xff) {
                        int following = bytes[at + 1] & 0xff;
                        if (following != 0 && !(following >= 0xd0 && following <= 0xd7) && following != 0xff) {
                            break;
                        }
                    }
                    at++;
                }
            }
        }
        return -1;
    }

    /** The offset after the RIFF container (its size says where), or -1 when the file is shorter. */
    private static int webpEnd(byte[] bytes) {
        if (bytes.length < 12) {
            return -1;
        }
        long size = Integer.toUnsignedLong(((bytes[7] & 0xff) << 24) | ((bytes[6] & 0xff) << 16)
                | ((bytes[5] & 0xff) << 8) | (bytes[4] & 0xff));
        long end = 8 + size + (size & 1);
        return end > bytes.length ? -1 : (int) end;
    }

    private static BufferedImage decode(byte[] bytes, Format format) {
        ImageReader reader = reader(format);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw unreadable(format);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRefused refused) {
                throw refused;
            }
            throw unreadable(format);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return readers.next();
    }

    private static ImageRefused unreadable(Format format) {
        return new ImageRefused(400, "unreadable-image", "The file starts like a " + format.id().toUpperCase(Locale.ROOT)
                + " image but could not be read as one");
    }

    /** Turns the image as EXIF orientation 1-8 says, so that it stays upright once EXIF is gone. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        boolean swaps = orientation >= 5;
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
        }
        BufferedImage turned = new BufferedImage(swaps ? h : w, swaps ? w : h, rgb(image).getType());
        new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(rgb(image), turned);
        return turned;
    }

    /** The widths to offer for an image: those of {@link #WIDTHS} below its own, and its own. */
    public static List<Integer> widthsFor(int width) {
        List<Integer> widths = new ArrayList<>(WIDTHS.stream().filter(w -> w < width).toList());
        widths.add(width);
        return widths;
    }

    /** Every rendition of a safe image, smallest first, each encoded anew. */
    public static List<Made> renditions(SafeImage safe) {
        List<Made> made = new ArrayList<>();
        for (int width : widthsFor(safe.width())) {
            BufferedImage scaled = width == safe.width() ? safe.image() : scale(safe.image(), width);
            made.add(new Made(scaled.getWidth(), scaled.getHeight(), safe.ext(), encode(scaled, safe.ext())));
        }
        return made;
    }

    static BufferedImage scale(BufferedImage image, int width) {
        int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
        BufferedImage scaled = new ResampleOp(width, height, ResampleOp.FILTER_LANCZOS).filter(image, null);
        return image.getColorModel().hasAlpha() ? argb(scaled) : rgb(scaled);
    }

    /** Pixels as JPEG or PNG, with no metadata but what the encoder needs. */
    public static byte[] encode(BufferedImage image, String ext) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(ext.equals("png") ? "png" : "jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // in memory: ImageIO would otherwise buffer through temporary files
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!ext.equals("png")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage rgb(BufferedImage image) {
        return convert(image, BufferedImage.TYPE_INT_RGB);
    }

    private static BufferedImage argb(BufferedImage image) {
        return convert(image, BufferedImage.TYPE_INT_ARGB);
    }

    private static BufferedImage convert(BufferedImage image, int type) {
        if (image.getType() == type) {
            return image;
        }
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = converted.createGraphics();
        try {
            if (type == BufferedImage.TYPE_INT_RGB) {
                // transparent pixels become white, not black, in a JPEG
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return converted;
    }

    static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
    }

    static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
