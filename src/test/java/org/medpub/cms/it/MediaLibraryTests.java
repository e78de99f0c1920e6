package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The media library over HTTP on PostgreSQL: uploads made safe or refused with nothing stored,
 * renditions cached as immutable and shown to readers only through a live revision, versions
 * pinned by articles, texts per locale, and the alt text an approval needs.
 */
abstract class MediaLibraryTests {

    // HTTP/1.1 as Api asks it: readers and caches in front of the site speak it
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String GPS_MARKER = "GPS-51.5074N-0.1278W";

    private final Api author = Api.as("author");
    private final Api editor = Api.as("editor");
    private final Api reader = Api.anonymous();

    @Test
    void anUploadIsReEncodedIntoRenditionsThatReadersGetOnlyOncePublishedAndCachedForever() throws Exception {
        byte[] jpeg = withGpsExif(jpeg(2000, 1000, new Random().nextInt()));
        JsonNode uploaded = upload(author, jpeg, "photo.jpg", "image/jpeg", "en", "A red rash on a forearm").json();
        long id = uploaded.get("id").asLong();
        assertEquals(1, uploaded.get("version").asInt());
        assertEquals("jpeg", uploaded.get("format").asText());
        List<Integer> widths = new ArrayList<>();
        uploaded.get("renditions").forEach(r -> widths.add(r.get("width").asInt()));
        assertEquals(List.of(320, 640, 1024, 1600, 2000), widths);
        String small = "/media/" + id + "/1/320.jpg";
        assertEquals(404, fetch(small, null).statusCode(), "no revision shows it yet");

        String slug = unique("rash");
        String path = createArticle(slug, "A rash.\n\n![](media:" + id + ")\n\nMore text.");
        assertTrue(author.get(path).json().get("body").asText().contains("media:" + id + "@1"), "pinned at save");
        Workflow.publish(author, path);

        String page = reader.get("/en/articles/" + slug).body();
        assertTrue(page.contains("<figure"), page);
        assertTrue(page.contains("srcset=\"/media/" + id + "/1/320.jpg 320w"), page);
        assertTrue(page.contains("alt=\"A red rash on a forearm\""), page);
        assertTrue(page.contains("loading=\"lazy\"") && page.contains("decoding=\"async\"") && page.contains("width=\"2000\""), page);

        for (JsonNode rendition : uploaded.get("renditions")) {
            HttpResponse<byte[]> file = fetch(rendition.get("url").asText(), null);
            assertEquals(200, file.statusCode(), rendition.toString());
            assertEquals("public, max-age=31536000, immutable", file.headers().firstValue("Cache-Control").orElseThrow());
            assertEquals("image/jpeg", file.headers().firstValue("Content-Type").orElseThrow());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.body()));
            assertEquals(rendition.get("width").asInt(), image.getWidth());
            String bytes = new String(file.body(), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("Exif"), "EXIF gone from " + rendition);
            assertFalse(bytes.contains(GPS_MARKER), "GPS gone from " + rendition);
            String etag = file.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> again = fetch(rendition.get("url").asText(), etag);
            assertEquals(304, again.statusCode());
            assertEquals(0, again.body().length);
        }
        assertEquals(200, author.put("/api/media/" + id + "/locales/en", Map.of("alt", "A healing rash"), null).status());
        assertTrue(reader.get("/en/articles/" + slug).body().contains("alt=\"A healing rash\""), "the cached page is dropped");
        assertEquals(404, fetch("/media/" + id + "/1/321.jpg", null).statusCode());
        assertEquals(404, fetch("/media/" + id + "/1/320.png", null).statusCode());
    }

    @Test
    void anArticleKeepsTheVersionItWasSavedWith() throws Exception {
        long id = upload(author, png(800, 400, 1), "a.png", "image/png", "en", "Diagram of the heart").json().get("id").asLong();
        String slug = unique("heart");
        String path = createArticle(slug, "![](media:" + id + ")");
        Workflow.publish(author, path);

        var second = multipart(author, "/api/media/" + id + "/versions", png(900, 300, 2), "b.png", "image/png", Map.of());
        assertEquals(201, second.status(), second::toString);
        assertEquals(2, second.json().get("version").asInt());

        String page = reader.get("/en/articles/" + slug).body();
        assertTrue(page.contains("/media/" + id + "/1/800.png"), page);
        assertFalse(page.contains("/media/" + id + "/2/"), page);
        assertEquals(404, fetch("/media/" + id + "/2/900.png", null).statusCode(), "no live revision shows version 2");

        var saved = author.put(path, edit(slug, "![](media:" + id + ")", "New image"), "\"r1\"");
        assertEquals(200, saved.status(), saved::toString);
        assertTrue(saved.json().get("body").asText().contains("media:" + id + "@2"));
        assertEquals(2, DatabaseRows.count("select count(*) from media_usage where item_id = ?", id));
    }

    @Test
    void refusedFilesLeaveNothingStored() throws Exception {
        byte[] png = png(64, 64, 3);
        byte[] zip = "PK\u0003\u0004 payload.sh #!/bin/sh rm -rf /".getBytes(StandardCharsets.ISO_8859_1);
        byte[] polyglot = concat(png, zip);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] jpeg = jpeg(400, 300, 4);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
        byte[] oversized = concat(jpeg, new byte[10 * 1024 * 1024]);

        long items = DatabaseRows.count("select count(*) from media_item");
        long blobs = DatabaseRows.count("select count(*) from media_blob");
        expectRefused(415, "unsupported-image-type", upload(author, html, "photo.jpg", "image/jpeg", "en", "x"));
        expectRefused(400, "trailing-data", upload(author, polyglot, "fine.png", "image/png", "en", "x"));
        expectRefused(413, "too-many-pixels", upload(author, pixelBomb(), "bomb.png", "image/png", "en", "x"));
        expectRefused(415, "svg-refused", upload(author, svg, "chart.svg", "image/svg+xml", "en", "x"));
        expectRefused(400, "truncated-image", upload(author, truncated, "cut.jpg", "image/jpeg", "en", "x"));
        // over cms.media.max-bytes, inside the request's limit: refused while the file is read
        expectRefused(413, "file-too-large", upload(author, oversized, "big.jpg", "image/jpeg", "en", "x"));
        assertEquals(items, DatabaseRows.count("select count(*) from media_item"));
        assertEquals(blobs, DatabaseRows.count("select count(*) from media_blob"));

        var noLicence = multipart(author, "/api/media", png, "a.png", "image/png", Map.of("locale", "en", "source", "Own work"));
        assertEquals(400, noLicence.status(), noLicence::toString);
        assertTrue(noLicence.body().contains("licence"), noLicence::toString);

        // a PNG whose name says JPEG is a PNG: the bytes decide
        var lyingName = upload(author, png, "photo.jpg", "image/jpeg", "en", "A PNG");
        assertEquals(201, lyingName.status(), lyingName::toString);
        assertEquals("png", lyingName.json().get("format").asText());
    }

    @Test
    void theSameBytesAreStoredOnce() throws Exception {
        byte[] png = png(200, 100, new Random().nextInt());
        var first = upload(author, png, "one.png", "image/png", "en", "First");
        assertEquals(201, first.status(), first::toString);
        long items = DatabaseRows.count("select count(*) from media_item");
        long blobs = DatabaseRows.count("select count(*) from media_blob");
        var second = upload(author, png, "two.png", "image/png", "en", "Second");
        assertEquals(200, second.status(), second::toString);
        assertEquals(first.json().get("id").asLong(), second.json().get("id").asLong());
        assertTrue(second.json().get("deduplicated").asBoolean());
        assertEquals(items, DatabaseRows.count("select count(*) from media_item"));
        assertEquals(blobs, DatabaseRows.count("select count(*) from media_blob"));
    }

    @Test
    void readersNeverGetTheImagesOfDraftsReviewsOrArchivedArticles() throws Exception {
        long id = upload(author, png(500, 500, new Random().nextInt()), "x.png", "image/png", "en", "Leak check").json().get("id").asLong();
        String file = "/media/" + id + "/1/500.png";
        String slug = unique("leak");
        String path = createArticle(slug, "![](media:" + id + ")");
        assertEquals(404, fetch(file, null).statusCode(), "draft");
        assertEquals(200, Workflow.take(author, path, Workflow.step("submit")).status());
        assertEquals(404, fetch(file, null).statusCode(), "in review");
        assertEquals(200, Workflow.take(Api.as("reviewer"), path, Workflow.signOff("approve")).status());
        assertEquals(404, fetch(file, null).statusCode(), "approved");
        assertEquals(200, Workflow.take(editor, path, Workflow.step("publish")).status());
        assertEquals(200, fetch(file, null).statusCode(), "published");
        assertEquals(200, Workflow.take(editor, path, Workflow.step("archive")).status());
        assertEquals(404, fetch(file, null).statusCode(), "archived");
        assertTrue(reader.get(file).header("Content-Type").orElseThrow().startsWith("text/html"), "the reader's not-found page");
    }

    @Test
    void aPreviewLinkShowsItsRevisionsImagesWithoutStoringThem() throws Exception {
        long id = upload(author, png(300, 200, new Random().nextInt()), "p.png", "image/png", "en", "Preview").json().get("id").asLong();
        String path = createArticle(unique("preview"), "![](media:" + id + ")");
        var link = Api.as("reviewer").post(path + "/revisions/1/preview-link", Map.of());
        assertEquals(201, link.status(), link::toString);
        String page = reader.get(link.json().get("url").asText()).body();
        int at = page.indexOf("src=\"/media/" + id + "/1/300.png?preview=");
        assertTrue(at > 0, page);
        String src = page.substring(at + 5, page.indexOf('"', at + 5)).replace("&amp;", "&");
        HttpResponse<byte[]> file = fetch(src, null);
        assertEquals(200, file.statusCode());
        assertEquals("no-store", file.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(404, fetch("/media/" + id + "/1/300.png", null).statusCode());
        assertEquals(404, fetch("/media/" + id + "/1/300.png?preview=forged", null).statusCode());
    }

    @Test
    void anImageAPublishedArticleShowsIsNotRemoved() throws Exception {
        long id = upload(author, png(100, 100, new Random().nextInt()), "d.png", "image/png", "en", "Used").json().get("id").asLong();
        String path = createArticle(unique("used"), "![](media:" + id + ")");
        long articleId = author.get(path.substring(0, path.indexOf("/locales"))).json().get("id").asLong();
        Workflow.publish(author, path);
        var refused = editor.send(editor.request("/api/media/" + id).DELETE());
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("media-in-use", refused.json().get("type").asText().replaceAll(".*/", ""));
        assertTrue(refused.json().get("detail").asText().contains(String.valueOf(articleId)), refused::toString);
        assertEquals(1, DatabaseRows.count("select count(*) from media_item where id = ?", id));

        long unused = upload(author, png(100, 100, new Random().nextInt()), "u.png", "image/png", "en", "Unused").json().get("id").asLong();
        assertEquals(204, editor.send(editor.request("/api/media/" + unused).DELETE()).status());
        assertEquals(0, DatabaseRows.count("select count(*) from media_version where item_id = ?", unused));
        assertEquals(404, author.get("/api/media/" + unused).status());
    }

    @Test
    void textsPerLocaleAndTheMissingAltTextFilter() throws Exception {
        String word = unique("zqalt");
        long id = upload(author, png(120, 80, new Random().nextInt()), "t.png", "image/png", "en", "Skin " + word).json().get("id").asLong();
        assertTrue(ids(author.get("/api/media?missingAltIn=de&limit=100")).contains(id));
        assertEquals(List.of(id), ids(author.get("/api/media?q=" + word)));

        var translator = Api.as("translator");
        var refused = translator.put("/api/media/" + id + "/locales/ar", Map.of("alt", "x"), null);
        assertEquals(403, refused.status(), refused::toString);
        var written = author.put("/api/media/" + id + "/locales/de", Map.of("alt", "Haut", "caption", "Ein Ausschlag", "credit", "Foto: A"), null);
        assertEquals(200, written.status(), written::toString);
        assertFalse(ids(author.get("/api/media?missingAltIn=de&limit=100")).contains(id));

        assertEquals("Ein Ausschlag", translator.get("/api/media/" + id + "/locales/de").json().get("caption").asText());
        JsonNode item = author.get("/api/media/" + id).json();
        assertEquals("Haut", item.get("texts").get("de").get("alt").asText());
        assertEquals("Skin " + word, item.get("texts").get("en").get("alt").asText());
        assertEquals(1, item.get("versions").size());
    }

    @Test
    void aLocaleIsNotApprovedWhileAnImageItShowsHasNoAltText() throws Exception {
        long id = multipart(author, "/api/media", png(150, 150, new Random().nextInt()), "n.png", "image/png",
                Map.of("locale", "en", "licence", "CC BY 4.0", "source", "Own work")).json().get("id").asLong();
        String path = createArticle(unique("noalt"), "![](media:" + id + ")");
        assertEquals(200, Workflow.take(author, path, Workflow.step("submit")).status());
        var blocked = Workflow.take(Api.as("reviewer"), path, Workflow.signOff("approve"));
        assertEquals(409, blocked.status(), blocked::toString);
        assertTrue(blocked.json().get("type").asText().endsWith("alt-text-missing"), blocked::toString);
        assertTrue(blocked.json().get("detail").asText().contains("media:" + id + "@1"), blocked::toString);

        assertEquals(200, author.put("/api/media/" + id + "/locales/en", Map.of("alt", "A healthy heart"), null).status());
        assertEquals(200, Workflow.take(Api.as("reviewer"), path, Workflow.signOff("approve")).status());
    }

    private static List<Long> ids(Api.Reply list) {
        assertEquals(200, list.status(), list::toString);
        List<Long> ids = new ArrayList<>();
        list.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private String createArticle(String slug, String body) {
        var created = author.post("/api/articles", with(article(slug), "body", body));
        assertEquals(201, created.status(), created::toString);
        return "/api/articles/" + created.json().get("id").asLong() + "/locales/en";
    }

    private static void expectRefused(int status, String type, Api.Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").orElseThrow().startsWith("application/problem+json"), reply::toString);
        assertTrue(reply.json().get("type").asText().endsWith("/" + type), reply::toString);
    }

    static Api.Reply upload(Api who, byte[] file, String name, String contentType, String locale, String alt) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("locale", locale);
        fields.put("alt", alt);
        fields.put("caption", "A caption");
        fields.put("credit", "Photo: Example Clinic");
        fields.put("licence", "CC BY 4.0");
        fields.put("source", "https://example.org/images");
        return multipart(who, "/api/media", file, name, contentType, fields);
    }

    static Api.Reply multipart(Api who, String path, byte[] file, String name, String contentType, Map<String, String> fields) {
        String boundary = "----medpub" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (var field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                    + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return who.send(who.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static HttpResponse<byte[]> fetch(String path, String ifNoneMatch) throws Exception {
        var request = HttpRequest.newBuilder(Api.base().resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] jpeg(int width, int height, int seed) throws IOException {
        return encode(picture(width, height, seed, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    static byte[] png(int width, int height, int seed) throws IOException {
        return encode(picture(width, height, seed, BufferedImage.TYPE_INT_ARGB), "png");
    }

    private static BufferedImage picture(int width, int height, int seed, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(seed | 0xff000000, true));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF block right after its start: a GPS IFD, and the position as an image description. */
    static byte[] withGpsExif(byte[] jpeg) {
        byte[] description = (GPS_MARKER + "\0").getBytes(StandardCharsets.US_ASCII);
        // TIFF, big-endian: IFD0 at 8 with ImageDescription and the GPS IFD pointer; the GPS IFD with GPSLatitudeRef
        int ifd0 = 8;
        int gpsIfd = ifd0 + 2 + 2 * 12 + 4;
        int descriptionAt = gpsIfd + 2 + 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(descriptionAt + description.length);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(ifd0);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010e).putShort((short) 2).putInt(description.length).putInt(descriptionAt);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        tiff.putInt(0);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putInt(0);
        tiff.put(description);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        int length = exif.length + 2;
        byte[] app1 = concat(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length}, exif);
        byte[] result = new byte[jpeg.length + app1.length];
        System.arraycopy(jpeg, 0, result, 0, 2);
        System.arraycopy(app1, 0, result, 2, app1.length);
        System.arraycopy(jpeg, 2, result, 2 + app1.length, jpeg.length - 2);
        return result;
    }

    /** A PNG signature and header that claim 100 000 × 100 000 pixels, and nothing else. */
    static byte[] pixelBomb() {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(100_000).putInt(100_000)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
