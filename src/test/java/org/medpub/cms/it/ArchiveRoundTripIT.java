package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 17's round trip: an instance on the embedded default (H2) with the demo content, a
 * scheduled publication, translations in three locales, rejected and approved reviews, comments
 * and an image is exported through {@code POST /api/export}, and the archive imported through
 * {@code POST /api/import/archive} into a new, empty instance on PostgreSQL, whose only account
 * is the operator's initial admin. Then every API answer and every reader page of the two are the
 * same, byte for byte once the two servers' own addresses are taken out. Two instances of their
 * own (started in parallel, killed at the end), beside the suite's: neither is empty.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiveRoundTripIT {

    private static final String INITIAL_PASSWORD = "Operator-initial-2026";
    private static final String SITE = "https://health.example.org";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static Path folder;
    private static PayaraProcess h2;
    private static PayaraProcess postgresql;
    private static byte[] archive;
    private static String targetUrl;
    private static final Set<String> API = new LinkedHashSet<>();
    private static final Set<String> PAGES = new LinkedHashSet<>();

    @BeforeAll
    static void startBothEnds() throws Exception {
        folder = Files.createTempDirectory("cms-archive-it");
        String database = "archive_target_" + ProcessHandle.current().pid();
        String url = System.getProperty("cms.it.db.url");
        try (var db = DriverManager.getConnection(url, System.getProperty("cms.it.db.user"), System.getProperty("cms.it.db.password"));
                var st = db.createStatement()) {
            st.execute("create database " + database);
        }
        targetUrl = url.replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
        h2 = PayaraProcess.start("archive-h2", folder, List.of(
                "-Dcms.data.dir=" + folder.resolve("h2-data"),
                "-Dcms.demo=true",
                "-Dcms.site.base-url=" + SITE), List.of("--nocluster"));
        postgresql = PayaraProcess.start("archive-postgresql", folder, List.of(
                "-Dcms.data.dir=" + folder.resolve("postgresql-data"),
                "-Dcms.db.url=" + targetUrl,
                "-Dcms.db.user=" + System.getProperty("cms.it.db.user"),
                "-Dcms.db.password=" + System.getProperty("cms.it.db.password"),
                "-Dcms.demo=false",
                "-Dcms.admin.initial-password=" + INITIAL_PASSWORD,
                "-Dcms.site.base-url=" + SITE), List.of("--nocluster"));
        h2.awaitReady();
        postgresql.awaitReady();
    }

    @AfterAll
    static void stopBothEnds() throws IOException {
        for (PayaraProcess end : new PayaraProcess[] {h2, postgresql}) {
            if (end != null) {
                end.stop();
            }
        }
        PayaraProcess.delete(folder);
    }

    @Test
    @Order(1)
    void theEmbeddedInstanceHoldsAWholeLibrary() throws IOException {
        Api.useServer(h2.uri());
        Api author = Api.as("author");
        Api translator = Api.as("translator");
        Api reviewer = Api.as("reviewer");
        Api editor = Api.as("editor");
        Api admin = Api.as("admin");
        Set<Long> ids = new LinkedHashSet<>();
        admin.get("/api/articles?limit=100").json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        List<Long> demo = List.copyOf(ids);
        assertTrue(demo.size() >= 2, "the demo content is there: " + demo);

        // a demo article and its Spanish translation go live
        String first = "/api/articles/" + demo.get(0) + "/locales/";
        Workflow.publish(author, first + "en");
        Workflow.publish(translator, first + "es");

        // a new article: rejected with a comment, mended, approved and published
        String slug = unique("archive-migraine");
        var created = author.post("/api/articles", article(slug));
        assertEquals(201, created.status(), created::toString);
        String id = created.header("Location").orElseThrow().replaceAll(".*/", "");
        String en = "/api/articles/" + id + "/locales/en";
        take(author, en, step("submit"));
        assertEquals(200, take(reviewer, en, step("reject", "Say how long an attack lasts.")).status());
        assertEquals(201, author.post(en + "/revisions/1/comments", Map.of("text", "Hours to three days: added.")).status());
        assertEquals(200, author.put(en, edit(slug, "An attack lasts from four hours to three days.", "Duration added"),
                "\"r1\"").status());
        Workflow.publish(author, en);

        // translations into three locales: Spanish published, German rejected, French a draft
        assertEquals(201, translator.put("/api/articles/" + id + "/locales/es", translation("Vivir con migraña", slug + "-es"),
                null).status());
        Workflow.publish(translator, "/api/articles/" + id + "/locales/es");
        String de = "/api/articles/" + id + "/locales/de";
        assertEquals(201, translator.put(de, translation("Leben mit Migräne", slug + "-de"), null).status());
        take(translator, de, step("submit"));
        assertEquals(200, take(reviewer, de, step("reject", "Bitte die Quelle übersetzen.")).status());
        assertEquals(201, admin.put("/api/articles/" + id + "/locales/fr", translation("Vivre avec la migraine", slug + "-fr"),
                null).status());

        // a publication scheduled a month ahead
        String second = "/api/articles/" + demo.get(1) + "/locales/en";
        take(author, second, step("submit"));
        take(reviewer, second, signOff("approve"));
        var scheduled = take(editor, second, with(step("publish"), "publishAt", Instant.now().plus(Duration.ofDays(30)).toString()));
        assertEquals(200, scheduled.status(), scheduled::toString);

        // an image of the library with its texts
        var image = MediaLibraryTests.upload(admin, MediaLibraryTests.png(40, 30, 7), "scan.png", "image/png", "en",
                "A brain scan");
        assertEquals(201, image.status(), image::toString);

        collectAddresses(admin);
    }

    @Test
    @Order(2)
    void anAdminExportsItAsOneArchive() throws Exception {
        Api.useServer(h2.uri());
        assertEquals(401, Api.anonymous().post("/api/export", Map.of()).status());
        assertEquals(403, Api.as("editor").post("/api/export", Map.of()).status());
        var started = Api.as("admin").post("/api/export", Map.of());
        assertEquals(202, started.status(), started::toString);
        URI location = URI.create(started.header("Location").orElseThrow());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpResponse<byte[]> done;
        do {
            Thread.sleep(250);
            done = HTTP.send(HttpRequest.newBuilder(Api.base().resolve(location.getPath()))
                    .header("Authorization", basic("admin", "demo")).build(), HttpResponse.BodyHandlers.ofByteArray());
        } while (done.statusCode() == 202 && System.nanoTime() < deadline);
        assertEquals(200, done.statusCode(), new String(done.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", done.headers().firstValue("Content-Type").orElseThrow());
        archive = done.body();
        assertEquals(404, Api.as("admin").get("/api/export/no-such-export").status());
    }

    @Test
    @Order(3)
    void itLoadsIntoTheEmptyInstanceOnPostgresqlAllOrNothing() throws SQLException {
        Api.useServer(postgresql.uri());
        Api admin = Api.as("admin", INITIAL_PASSWORD);
        assertEquals(200, admin.get("/api/articles?limit=5").status(), "the initial password lets the operator in");
        assertEquals(0, admin.get("/api/articles?limit=5").json().get("items").size());

        var broken = importArchive(admin, "not a zip".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, broken.status(), broken::toString);
        assertTrue(broken.body().contains("/problems/archive-unreadable"), broken::toString);
        assertEquals(401, importArchive(Api.anonymous(), archive).status());

        Set<String> schema = indexesAndTriggers();
        assertTrue(schema.stream().anyMatch(index -> index.contains("USING gin")), schema::toString);
        var imported = importArchive(admin, archive);
        assertEquals(200, imported.status(), imported::toString);
        assertEquals(schema, indexesAndTriggers(), "the import puts back the search indexes and triggers it set aside");
        JsonNode rows = imported.json().get("rows");
        assertTrue(rows.get("revision").asLong() > 8, imported::toString);
        assertTrue(rows.get("media_blob").asLong() > 0, imported::toString);
        assertEquals("[\"admin\"]", imported.json().get("usersKept").toString());
        assertTrue(imported.json().get("usersWithoutPassword").toString().contains("author"), imported::toString);

        var again = importArchive(admin, archive);
        assertEquals(409, again.status(), again::toString);
        assertTrue(again.body().contains("/problems/archive-target-not-empty"), again::toString);
        assertEquals(401, Api.as("author").get("/api/articles").status(), "accounts come without their passwords");
    }

    @Test
    @Order(4)
    void everyApiAnswerIsTheSameOnBoth() {
        List<String> different = new ArrayList<>();
        for (String path : API) {
            String before = answer(h2, path, basic("admin", "demo"));
            String after = answer(postgresql, path, basic("admin", INITIAL_PASSWORD));
            if (!before.equals(after)) {
                different.add(path + "\n  H2:         " + before + "\n  PostgreSQL: " + after);
            }
        }
        assertTrue(API.size() > 40, "addresses compared: " + API);
        assertEquals(List.of(), different);
        System.out.println("ArchiveRoundTripIT: " + API.size() + " API answers the same on H2 and on PostgreSQL");
    }

    @Test
    @Order(5)
    void everyReaderPageIsTheSameOnBoth() {
        List<String> different = new ArrayList<>();
        for (String path : PAGES) {
            String before = comparable(path, answer(h2, path, null));
            String after = comparable(path, answer(postgresql, path, null));
            if (!before.equals(after)) {
                different.add(path + "\n  H2:         " + before + "\n  PostgreSQL: " + after);
            }
        }
        assertTrue(PAGES.size() > 10, "pages compared: " + PAGES);
        assertTrue(comparable("/en/search", answer(postgresql, "/en/search?q=migraine", null)).contains("/en/articles/"),
                "the imported library is found by the reader search of PostgreSQL");
        System.out.println("ArchiveRoundTripIT: " + PAGES.size() + " reader pages the same on H2 and on PostgreSQL");
        assertFalse(PAGES.stream().noneMatch(p -> p.contains("/articles/")), "article pages compared: " + PAGES);
        assertEquals(List.of(), different);
    }

    @Test
    @Order(6)
    void theCommandLineLoadsAndWritesTheSameArchiveWithoutAServer() throws Exception {
        Path zip = Files.write(folder.resolve("from-api.zip"), archive);
        String database = "jdbc:h2:file:" + folder.resolve("cli") + "/cms";
        assertEquals(0, tool("import", "--db-url", database, zip.toString()));
        Path again = folder.resolve("from-cli.zip");
        assertEquals(0, tool("export", "--db-url", database, again.toString()));
        assertEquals(tables(zip), tables(again), "the same rows and files, table by table");
        assertEquals(1, tool("import", "--db-url", database, zip.toString()), "a database with content is refused");
    }

    /** Runs {@code target/cms-tool.jar} as an operator would; its exit status. */
    private static int tool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("cms.it.war", "target/cms.war")).resolveSibling("cms-tool.jar").toString()));
        command.addAll(List.of(args));
        Path log = Path.of("target", "it-logs", "cms-tool-" + args[0] + ".log").toAbsolutePath();
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("CMS_"));
        Process process = builder.start();
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "cms-tool " + args[0] + " did not end; see " + log);
        return process.exitValue();
    }

    /** The archive's files but its manifest (which says when it was made), by name. */
    private static Map<String, String> tables(Path zip) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (!entry.getName().equals("manifest.json")) {
                    files.put(entry.getName(), java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** Every address of the API and of the reader site that the library's content gives. */
    /** The PostgreSQL target's indexes, and its triggers with whether each fires. */
    private static Set<String> indexesAndTriggers() throws SQLException {
        Set<String> found = new TreeSet<>();
        try (var db = DriverManager.getConnection(targetUrl, System.getProperty("cms.it.db.user"), System.getProperty("cms.it.db.password"));
                var st = db.createStatement();
                var rs = st.executeQuery("select indexdef from pg_indexes where schemaname = current_schema()"
                        + " union all select tgname::text || ' ' || tgenabled::text from pg_trigger where not tgisinternal")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static void collectAddresses(Api admin) {
        API.addAll(List.of("/api/articles?limit=100", "/api/topics", "/api/media?limit=50", "/api/reviews/due",
                "/api/translations", "/api/translations?status=outdated", "/api/locales"));
        PAGES.addAll(List.of("/en/", "/es/", "/de/", "/fr/", "/ar/", "/sitemap.xml", "/en/search?q=migraine",
                "/es/search?q=migra%C3%B1a", "/en/people/alex-author", "/en/people/rana-reviewer", "/es/people/rana-reviewer"));
        for (JsonNode item : admin.get("/api/articles?limit=100").json().get("items")) {
            String article = "/api/articles/" + item.get("id").asText();
            API.add(article);
            JsonNode whole = admin.get(article).json();
            for (JsonNode variant : whole.get("locales")) {
                String locale = variant.get("locale").asText();
                if (variant.path("currentRevision").isNull() || variant.path("currentRevision").isMissingNode()) {
                    API.add(article + "/locales/" + locale);
                    continue;
                }
                String path = article + "/locales/" + locale;
                API.addAll(List.of(path, path + "/revisions", path + "/history"));
                JsonNode revisions = admin.get(path + "/revisions").json();
                for (JsonNode revision : revisions.get("revisions")) {
                    String number = revision.get("number").asText();
                    API.addAll(List.of(path + "/revisions/" + number, path + "/revisions/" + number + "/comments"));
                }
                if (variant.path("state").asText().equals("published")) {
                    String slug = admin.get(path).json().get("slug").asText();
                    PAGES.addAll(List.of("/" + locale + "/articles/" + slug, "/" + locale + "/articles/" + slug + "/changes"));
                }
            }
        }
        for (JsonNode topic : admin.get("/api/topics").json().path("items")) {
            topic.path("locales").fields().forEachRemaining(name ->
                    PAGES.add("/" + name.getKey() + "/topics/" + name.getValue().path("slug").asText()));
        }
        for (String sitemap : answer(h2, "/sitemap.xml", null).split("<loc>")) {
            if (sitemap.contains("</loc>")) {
                PAGES.add(URI.create(sitemap.substring(0, sitemap.indexOf("</loc>"))).getPath());
            }
        }
        JsonNode media = admin.get("/api/media?limit=50").json().path("items");
        media.forEach(item -> API.add("/api/media/" + item.get("id").asText()));
    }

    private static Map<String, Object> translation(String title, String slug) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(article(slug));
        body.remove("sourceLocale");
        body.put("title", title);
        return body;
    }

    private static Api.Reply importArchive(Api who, byte[] zip) {
        return who.send(who.request("/api/import/archive").header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
    }

    /**
     * A search page by what it found and in which order: the passage shown beside each result is
     * each database's own making (PostgreSQL's {@code ts_headline}, the embedded default's own),
     * whatever the content.
     */
    private static String comparable(String path, String page) {
        if (!path.contains("/search")) {
            return page;
        }
        List<String> found = new ArrayList<>();
        int results = page.indexOf("<ol class=\"results\">");
        String list = results < 0 ? "" : page.substring(results, page.indexOf("</ol>", results));
        var links = java.util.regex.Pattern.compile("<li><a href=\"([^\"]+)\"").matcher(list);
        while (links.find()) {
            found.add(links.group(1));
        }
        var status = java.util.regex.Pattern.compile("<p role=\"status\">([^<]*)</p>").matcher(page);
        return page.substring(0, 4) + (status.find() ? status.group(1) : "") + " " + found;
    }

    /** Status and body of an answer, the server's own address taken out. */
    private static String answer(PayaraProcess end, String path, String authorization) {
        var request = HttpRequest.newBuilder(end.uri().resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String origin = "http://127.0.0.1:" + end.uri().getPort();
            return response.statusCode() + " " + response.body().replace(origin, "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
