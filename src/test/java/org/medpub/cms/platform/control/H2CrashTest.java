package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit on the embedded H2 default is on disk before it is acknowledged: a JVM that writes
 * through {@link JdbcUrlDataSource} and tells each commit it made is killed with SIGKILL, and
 * every commit it told of is found after the database is opened again.
 */
class H2CrashTest {

    @TempDir
    Path dir;

    @Test
    void item1_everyAcknowledgedCommitSurvivesKill9() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("cms") + ";DB_CLOSE_ON_EXIT=FALSE";
        Set<Integer> acknowledged = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            acknowledged.addAll(writeUntilKilled(url, round * 1_000_000));
        }
        assertTrue(acknowledged.size() > 30, "the writer acknowledged only " + acknowledged.size() + " commits");
        var source = new JdbcUrlDataSource();
        source.setUrl(url);
        source.setUser("cms");
        source.setPassword("cms");
        Set<Integer> found = new HashSet<>();
        try (var connection = source.getConnection();
                var rows = connection.createStatement().executeQuery("select id from saved")) {
            while (rows.next()) {
                found.add(rows.getInt(1));
            }
        }
        Set<Integer> lost = new HashSet<>(acknowledged);
        lost.removeAll(found);
        assertEquals(0, lost.size(), lost.size() + " of " + acknowledged.size() + " acknowledged commits were lost");
    }

    @Test
    void anH2UrlThatNamesItsOwnWriteDelayKeepsIt() {
        assertEquals("jdbc:h2:mem:x;WRITE_DELAY=100", JdbcUrlDataSource.durable("jdbc:h2:mem:x;WRITE_DELAY=100"));
        assertEquals("jdbc:h2:file:./data/cms;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                JdbcUrlDataSource.durable("jdbc:h2:file:./data/cms;DB_CLOSE_ON_EXIT=FALSE"));
        assertEquals("jdbc:postgresql://db:5432/cms", JdbcUrlDataSource.durable("jdbc:postgresql://db:5432/cms"));
    }

    /** Starts {@link Writer} in a JVM of its own, reads the ids it acknowledges for a while, then kills it. */
    private static List<Integer> writeUntilKilled(String url, int firstId) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Writer.class.getName(),
                url, Integer.toString(firstId))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Integer> ids = new ArrayList<>();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            long killAt = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                ids.add(Integer.parseInt(line));
                if (killAt == 0) {
                    killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1200);
                } else if (System.nanoTime() > killAt) {
                    process.destroyForcibly();
                    break;
                }
            }
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return ids;
    }

    /** Inserts rows one commit at a time and prints each id once its commit returned. */
    public static final class Writer {
        public static void main(String[] args) throws SQLException {
            var source = new JdbcUrlDataSource();
            source.setUrl(args[0]);
            source.setUser("cms");
            source.setPassword("cms");
            int id = Integer.parseInt(args[1]);
            try (var connection = source.getConnection()) {
                connection.createStatement().execute("create table if not exists saved (id int primary key, text varchar(100))");
                var insert = connection.prepareStatement("insert into saved values (?, ?)");
                while (true) {
                    insert.setInt(1, id);
                    insert.setString(2, "revision " + id);
                    insert.executeUpdate();
                    System.out.println(id);
                    System.out.flush();
                    id++;
                }
            }
        }
    }
}
