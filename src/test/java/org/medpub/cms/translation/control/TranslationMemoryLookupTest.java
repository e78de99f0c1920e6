package org.medpub.cms.translation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medpub.cms.translation.control.Inline.Paired;
import org.medpub.cms.translation.control.Inline.Placeholder;
import org.medpub.cms.translation.control.Inline.Text;

/**
 * The memory's lookup, run on H2 in memory with the application's migrations: an export of
 * 250 units costs 3 statements and reads at most a row per unit, whether the memory holds 10 or
 * 1 000 translations of each unit, and the newest translation of another article wins.
 */
class TranslationMemoryLookupTest {

    private static final int UNITS = 250;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private Connection db;
    private int statements;
    private int rowsRead;
    private long nextId = 1;

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common").load().migrate();
        db = DriverManager.getConnection(url, "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        db.createStatement().execute("shutdown");
        db.close();
    }

    @Test
    void anExportCostsTheSameWhateverTheMemoryHolds() throws SQLException {
        remember(10);
        Map<String, List<Inline>> few = lookUp(0);
        int fewStatements = statements;
        int fewRows = rowsRead;

        remember(990);
        Map<String, List<Inline>> many = lookUp(0);

        assertEquals(3, fewStatements, "statements for " + UNITS + " units");
        assertEquals(fewStatements, statements - fewStatements);
        assertEquals(UNITS, fewRows);
        assertEquals(fewRows, rowsRead - fewRows);
        assertEquals(UNITS, many.size());
        assertEquals(List.of(new Text("unidad 7 de la traducción 1000")), many.get(key(7)));
        assertEquals(List.of(new Text("unidad 7 de la traducción 10")), few.get(key(7)));
    }

    @Test
    void theArticleBeingExportedIsNotItsOwnSuggestionAndANewerChangeWins() throws SQLException {
        long older = translation(START.plusSeconds(1), "mayor");
        long newer = translation(START.plusSeconds(2), "nueva");

        assertEquals(List.of(new Text("unidad 0 de la traducción nueva")), lookUp(0).get(key(0)));
        assertEquals(List.of(new Text("unidad 0 de la traducción mayor")), lookUp(newer).get(key(0)));
        assertEquals(List.of(new Text("unidad 0 de la traducción nueva")), lookUp(older).get(key(0)));
    }

    @Test
    void aTargetKeepsItsCodes() {
        List<Inline> target = List.of(new Text("Tome "), new Paired("1", List.of(new Text("una"), new Placeholder("2"))),
                new Text(" \"al\" día\u0001"));
        assertEquals(target, RememberedTarget.read(RememberedTarget.write(target)));
        assertEquals(44, RememberedTarget.hash(key(1)).length());
    }

    private Map<String, List<Inline>> lookUp(long exceptArticle) {
        List<String> keys = new ArrayList<>();
        for (int unit = 0; unit < UNITS; unit++) {
            keys.add(key(unit));
        }
        return TranslationMemory.lookUp(keys, hashes -> {
            statements++;
            String sql = TranslationMemory.lookupSql(hashes.size()).replaceAll("\\?\\d+", "?");
            try (PreparedStatement query = db.prepareStatement(sql)) {
                List<Object> parameters = TranslationMemory.lookupParameters(exceptArticle, "en", "es", hashes);
                for (int i = 0; i < parameters.size(); i++) {
                    query.setObject(i + 1, parameters.get(i));
                }
                List<Object[]> rows = new ArrayList<>();
                try (var result = query.executeQuery()) {
                    while (result.next()) {
                        rowsRead++;
                        rows.add(new Object[] {result.getString(1), result.getString(2)});
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Adds translations, each newer than the last, that translate every unit. */
    private void remember(int translations) throws SQLException {
        for (int i = 0; i < translations; i++) {
            long article = nextId;
            translation(START.plusSeconds(article), String.valueOf(article));
        }
    }

    /** An article in English with a Spanish translation changed at the time; answers the article's id. */
    private long translation(Instant changed, String name) throws SQLException {
        long article = nextId++;
        try (var insert = db.prepareStatement("insert into article (id, source_locale, created_at, created_by, updated_at, title)"
                + " values (?, 'en', ?, 'author', ?, 'Article')")) {
            insert.setLong(1, article);
            insert.setTimestamp(2, Timestamp.from(START));
            insert.setTimestamp(3, Timestamp.from(START));
            insert.executeUpdate();
        }
        try (var insert = db.prepareStatement("insert into variant (id, article_id, locale, state, slug, updated_at,"
                + " version) values (?, ?, 'es', 'DRAFT', ?, ?, 0)")) {
            insert.setLong(1, article);
            insert.setLong(2, article);
            insert.setString(3, "articulo-" + article);
            insert.setTimestamp(4, Timestamp.from(changed));
            insert.executeUpdate();
        }
        try (var insert = db.prepareStatement("insert into translation_memory"
                + " (variant_id, key_hash, source_locale, target_locale, target) values (?, ?, 'en', 'es', ?)")) {
            for (int unit = 0; unit < UNITS; unit++) {
                insert.setLong(1, article);
                insert.setString(2, RememberedTarget.hash(key(unit)));
                insert.setString(3, RememberedTarget.write(List.of(new Text("unidad " + unit + " de la traducción " + name))));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return article;
    }

    private static String key(int unit) {
        return Segment.plain("unit " + unit).key();
    }

    @Test
    void keysAreLookedUpOnceEach() {
        List<Integer> sizes = new ArrayList<>();
        TranslationMemory.lookUp(List.of("a", "b", "a"), hashes -> {
            sizes.add(hashes.size());
            return List.of();
        });
        assertTrue(sizes.equals(List.of(2)), sizes::toString);
    }
}
