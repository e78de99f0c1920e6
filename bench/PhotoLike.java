import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a photo-like JPEG for bench/media.sh: smooth light, a few soft shapes and sensor-like
 * noise, so that it compresses as a camera's picture does (a flat image would be unrealistically
 * cheap to decode). Run as a single source file: java bench/PhotoLike.java OUT WIDTH HEIGHT SEED
 */
public class PhotoLike {

    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        Random random = new Random(Long.parseLong(args[3]));
        double[][] blobs = new double[12][];
        for (int i = 0; i < blobs.length; i++) {
            blobs[i] = new double[] {random.nextDouble() * width, random.nextDouble() * height,
                    (0.05 + random.nextDouble() * 0.25) * width, random.nextDouble() * 255, random.nextDouble() * 255,
                    random.nextDouble() * 255};
        }
        // the smooth light at a tenth of the size, drawn up with bilinear filtering, then the noise per pixel
        int smallWidth = Math.max(1, width / 10), smallHeight = Math.max(1, height / 10);
        BufferedImage light = new BufferedImage(smallWidth, smallHeight, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < smallHeight; y++) {
            for (int x = 0; x < smallWidth; x++) {
                double px = x * 10.0, py = y * 10.0;
                double r = 90 + 80.0 * px / width, g = 110 + 60.0 * py / height, b = 140 - 40.0 * px / width;
                for (double[] blob : blobs) {
                    double dx = px - blob[0], dy = py - blob[1];
                    double weight = Math.exp(-(dx * dx + dy * dy) / (2 * blob[2] * blob[2]));
                    r += (blob[3] - r) * weight * 0.6;
                    g += (blob[4] - g) * weight * 0.6;
                    b += (blob[5] - b) * weight * 0.6;
                }
                light.setRGB(x, y, (clamp(r) << 16) | (clamp(g) << 8) | clamp(b));
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(light, 0, 0, width, height, null);
        graphics.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int noise = (int) Math.round(random.nextGaussian() * 6);
                int pixel = row[x];
                row[x] = (clamp(((pixel >> 16) & 0xff) + noise) << 16) | (clamp(((pixel >> 8) & 0xff) + noise) << 8)
                        | clamp((pixel & 0xff) + noise);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.85f);
        out.delete();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
