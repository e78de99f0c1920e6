package org.medpub.cms.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks, decodes and renders an upload, outside any transaction (a large image takes seconds of
 * a core): at most one image per core at a time, and an upload that waits longer than
 * {@code cms.media.wait-seconds} for a core is answered 503 rather than queued without end.
 */
@ApplicationScoped
public class ImageWork {

    /** An upload made safe: the hash of the bytes as uploaded, and its renditions, smallest first. */
    public record Prepared(String uploadHash, SafeImages.Format format, int width, int height, List<SafeImages.Made> renditions) {
    }

    private final Semaphore cores = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    @Inject
    @ConfigProperty(name = "cms.media.max-pixels")
    long maxPixels;

    @Inject
    @ConfigProperty(name = "cms.media.wait-seconds")
    int waitSeconds;

    public Prepared prepare(byte[] upload) {
        try {
            if (!cores.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
                throw new ImageRefused(503, "media-busy", "Every core is making images; try the upload again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageRefused(503, "media-busy", "The upload was interrupted; try again");
        }
        try {
            SafeImages.SafeImage image = SafeImages.open(upload, maxPixels);
            return new Prepared(ContentHash.of(upload), image.format(), image.width(), image.height(), SafeImages.renditions(image));
        } finally {
            cores.release();
        }
    }
}
