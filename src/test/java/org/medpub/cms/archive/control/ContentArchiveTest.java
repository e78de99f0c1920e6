package org.medpub.cms.archive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive between two H2 databases made by the product's migrations: rows come back equal,
 * users without their passwords, and an archive that is broken, or a target that holds content,
 * is refused with nothing stored. The H2 → PostgreSQL round trip through the API is
 * {@code it/ArchiveRoundTripIT}.
 */
class ContentArchiveTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path folder;

    private Connection source;
    private Connection target;

    @BeforeEach
    void twoDatabases() throws SQLException {
        source = database();
        target = database();
        run(source, "insert into app_user (id, username, password_hash, display_name, created_at) values"
                + " (1, 'author', 'PBKDF2WithHmacSHA256:1:c2FsdA==:a2V5', 'Alex Author', timestamp with time zone '2026-01-02 03:04:05.123456+00')",
                "insert into app_user (id, username, password_hash, display_name, created_at) values"
                + " (2, 'admin', 'PBKDF2WithHmacSHA256:1:c2FsdA==:a2V5', 'Ada Admin', current_timestamp)",
                "insert into app_user_role (user_id, role) values (1, 'author'), (2, 'admin')",
                "insert into article (id, source_locale, created_at, created_by, updated_at, title, locales)"
                + " values (7, 'en', current_timestamp, 'author', current_timestamp, 'Flu', 'en')",
                "insert into variant (id, article_id, locale, state, slug, updated_at, version) values"
                + " (8, 7, 'en', 'draft', 'flu', current_timestamp, 1)",
                "insert into revision (id, variant_id, revision_no, title, slug, summary, body, author, created_at, safety_relevant)"
                + " values (9, 8, 1, 'Flu', 'flu', 'About flu', 'Rest and fluids. ' || repeat('x', 5000), 'author', current_timestamp, false)",
                "update variant set current_revision_id = 9 where id = 8",
                "insert into glossary_term (locale, term, term_key, suggestion, updated_by, updated_at)"
                + " values ('en', 'renal', 'renal', 'of the kidneys', 'editor', current_timestamp)",
                "insert into media_blob (hash, bytes, size_bytes) values ('"
                + org.medpub.cms.media.control.ContentHash.of("pixels".getBytes(StandardCharsets.UTF_8)) + "', X'" + hex("pixels") + "', 6)");
        // the target's own admin, who imports
        run(target, "insert into app_user (id, username, password_hash, display_name, created_at) values"
                + " (1, 'admin', 'own-hash', 'Operator', current_timestamp)",
                "insert into app_user_role (user_id, role) values (1, 'admin')");
    }

    @AfterEach
    void close() throws SQLException {
        source.close();
        target.close();
    }

    @Test
    void rowsComeBackEqualAndUsersWithoutPasswords() throws Exception {
        Path archive = export();
        ContentArchive.Imported imported = ContentArchive.importInto(target, archive, "admin");

        assertEquals(List.of("admin"), imported.usersKept());
        assertEquals(List.of("author"), imported.usersWithoutPassword());
        assertEquals(1L, imported.rows().get("revision"));
        // the glossary a new instance starts with is replaced by the archive's, not counted as content
        for (String table : List.of("article", "variant", "revision", "media_blob", "media_item", "glossary_term")) {
            assertEquals(rows(source, table), rows(target, table), table);
        }
        assertEquals("", text(target, "select password_hash from app_user where username = 'author'"),
                "no password comes with an account");
        try (var zip = new java.util.zip.ZipFile(archive.toFile())) {
            String users = new String(zip.getInputStream(zip.getEntry("tables/app_user.ndjson")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(users.contains("\"password_hash\":\"\"") && !users.contains("PBKDF2"), users);
        }
        assertEquals("own-hash", text(target, "select password_hash from app_user where username = 'admin'"));
        assertEquals("Ada Admin", text(target, "select display_name from app_user where username = 'admin'"));
        assertEquals("2026-01-02T03:04:05.123456Z", text(target,
                "select created_at from app_user where username = 'author'").replace(" ", "T").replace("+00", "Z"));
        assertEquals("author", text(target, "select r.role from app_user_role r join app_user u on u.id = r.user_id"
                + " where u.username = 'author'"));
        assertTrue(Long.parseLong(text(target, "select next value for revision_seq")) > 50,
                "the next ids come after those imported");
    }

    @Test
    void aTargetWithContentIsRefused() throws Exception {
        Path archive = export();
        ContentArchive.importInto(target, archive, "admin");
        ArchiveRefused refused = assertThrows(ArchiveRefused.class, () -> ContentArchive.importInto(target, archive, "admin"));
        assertEquals("archive-target-not-empty", refused.type());
        assertEquals(409, refused.status());
    }

    @Test
    void aBrokenReferenceIsRefusedAndNothingIsStored() throws Exception {
        Path archive = rewrite(export(), "tables/revision.ndjson", line -> line.replace("\"variant_id\":8", "\"variant_id\":88"));
        ArchiveRefused refused = assertThrows(ArchiveRefused.class, () -> ContentArchive.importInto(target, archive, "admin"));
        assertEquals("archive-inconsistent", refused.type());
        assertEquals("0", text(target, "select count(*) from article"));
        assertEquals("1", text(target, "select count(*) from app_user"));
        assertEquals("Operator", text(target, "select display_name from app_user"));
    }

    @Test
    void anImageWhoseBytesDoNotMatchItsHashIsRefused() throws Exception {
        Path exported = export();
        Path archive = folder.resolve("changed.zip");
        try (var in = new ZipInputStream(Files.newInputStream(exported)); var out = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().startsWith("media_blob/") ? "changed".getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                out.closeEntry();
            }
        }
        ArchiveRefused refused = assertThrows(ArchiveRefused.class, () -> ContentArchive.importInto(target, archive, "admin"));
        assertTrue(refused.getMessage().contains("hash"), refused.getMessage());
        assertEquals("0", text(target, "select count(*) from media_blob"));
    }

    @Test
    void aFileThatIsNotAnArchiveIsRefused() throws Exception {
        Path notZip = Files.writeString(folder.resolve("notes.zip"), "hello");
        assertEquals("archive-unreadable",
                assertThrows(ArchiveRefused.class, () -> ContentArchive.importInto(target, notZip, "admin")).type());
        Path noManifest = rewrite(export(), ContentArchive.MANIFEST, line -> "{}");
        assertEquals("archive-unreadable",
                assertThrows(ArchiveRefused.class, () -> ContentArchive.importInto(target, noManifest, "admin")).type());
        Path unknownField = rewrite(export(), "tables/article.ndjson", line -> line.replace("{\"id\"", "{\"colour\":\"red\",\"id\""));
        ArchiveRefused refused = assertThrows(ArchiveRefused.class, () -> ContentArchive.importInto(target, unknownField, "admin"));
        assertTrue(refused.getMessage().contains("colour"), refused.getMessage());
        assertEquals("0", text(target, "select count(*) from article"));
    }

    @Test
    void aNewTableMustBeArchivedOrLeftOutOnPurpose() throws Exception {
        run(source, "create table reading_list (id bigint primary key)");
        IllegalStateException unknown = assertThrows(IllegalStateException.class, this::export);
        assertTrue(unknown.getMessage().contains("reading_list"), unknown.getMessage());
    }

    private Path export() throws SQLException, IOException {
        var out = new ByteArrayOutputStream();
        ContentArchive.export(source, out);
        return Files.write(folder.resolve("archive-" + DATABASES.incrementAndGet() + ".zip"), out.toByteArray());
    }

    private Path rewrite(Path archive, String name, java.util.function.UnaryOperator<String> change) throws IOException {
        Path changed = folder.resolve("changed-" + DATABASES.incrementAndGet() + ".zip");
        try (var in = new ZipInputStream(Files.newInputStream(archive)); var out = new ZipOutputStream(Files.newOutputStream(changed))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    List<String> lines = new ArrayList<>();
                    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                        lines.add(change.apply(line));
                    }
                    bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.closeEntry();
            }
        }
        return changed;
    }

    private static Connection database() throws SQLException {
        String url = "jdbc:h2:mem:archive-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/common").load().migrate();
        return DriverManager.getConnection(url);
    }

    private static void run(Connection db, String... statements) throws SQLException {
        try (Statement st = db.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static List<Map<String, Object>> rows(Connection db, String table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select * from " + table + " order by 1")) {
            while (rs.next()) {
                var row = new java.util.TreeMap<String, Object>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnName(i), value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String hex(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
