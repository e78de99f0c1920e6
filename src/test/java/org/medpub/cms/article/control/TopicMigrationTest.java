package org.medpub.cms.article.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V27 turns the free-text topics saved before it into topics of the taxonomy (on H2 here; the
 * integration suite migrates PostgreSQL): one per string in lower case with hyphens, named in the
 * source locale of each article that used it, each spelling a term of it; revisions keep their strings.
 */
class TopicMigrationTest {

    @Test
    void everyFreeTextTopicBecomesATopicNamedInItsArticlesSourceLocale() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common").target("23").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement()) {
            sql.execute("insert into article (id, source_locale, created_at, created_by, updated_at, title)"
                    + " values (1, 'en', current_timestamp, 'a', current_timestamp, 'One'),"
                    + " (2, 'es', current_timestamp, 'a', current_timestamp, 'Dos')");
            sql.execute("insert into variant (id, article_id, locale, state, slug, updated_at, version)"
                    + " values (10, 1, 'en', 'draft', 'one', current_timestamp, 1), (11, 1, 'es', 'draft', 'uno', current_timestamp, 1),"
                    + " (20, 2, 'es', 'draft', 'dos', current_timestamp, 1)");
            sql.execute("insert into revision (id, variant_id, revision_no, title, slug, summary, body, author, created_at, safety_relevant)"
                    + " values (100, 10, 1, 'One', 'one', '', 'b', 'a', current_timestamp, false),"
                    + " (101, 11, 1, 'Uno', 'uno', '', 'b', 'a', current_timestamp, false),"
                    + " (200, 20, 1, 'Dos', 'dos', '', 'b', 'a', current_timestamp, false)");
            sql.execute("insert into revision_topic (revision_id, item_order, topic) values (100, 0, 'Heart disease'),"
                    + " (100, 1, 'migraine'), (101, 0, 'heart disease'), (200, 0, 'Migraine'), (200, 1, 'Jaqueca')");
        }
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement()) {
            assertEquals(List.of("heart-disease", "jaqueca", "migraine"), rows(sql, "select topic_key from topic order by 1"));
            assertEquals(List.of("heart-disease en Heart disease heart-disease", "jaqueca es Jaqueca jaqueca",
                            "migraine en migraine migraine", "migraine es Migraine migraine"),
                    rows(sql, "select t.topic_key || ' ' || l.locale || ' ' || l.name || ' ' || l.slug from topic_locale l"
                            + " join topic t on t.id = l.topic_id order by 1"));
            assertEquals(List.of("Heart disease heart-disease", "Jaqueca jaqueca", "Migraine migraine", "heart disease heart-disease",
                            "migraine migraine"),
                    rows(sql, "select m.term || ' ' || t.topic_key from topic_term m join topic t on t.id = m.topic_id order by 1"));
            assertEquals(List.of("Heart disease", "migraine", "heart disease", "Migraine", "Jaqueca"),
                    rows(sql, "select topic from revision_topic order by revision_id, item_order"));
        }
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
