package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The database goes away (the suite's {@link DatabaseProxy} black-holes it: the case only
 * timeouts end) and comes back. Meanwhile every answer comes within 3 s: the API's a 503 problem
 * with {@code Retry-After}, a reader page cached or 503, readiness 503, and the log says so in a
 * few lines without a stack trace. Within 5 s of the database's return a save succeeds.
 */
abstract class DatabaseOutageTests {

    private static final long ANSWER_WITHIN_MS = 3000;
    private static final String REVISIONS_OF_ARTICLE =
            "select count(*) from revision r join variant v on v.id = r.variant_id where v.article_id = ?";

    @Test
    void item5_duringAnOutageEveryAnswerComesWithin3sAnd503AndServiceReturnsWithin5s() throws Exception {
        DatabaseProxy proxy = DatabaseProxy.running();
        Assumptions.assumeTrue(proxy != null, "the suite's database is not behind the test proxy");
        Api author = Api.as("author");
        String slug = unique("outage");
        var created = author.post("/api/articles", article(slug));
        assertEquals(201, created.status(), created::toString);
        String path = created.header("Location").orElseThrow().replaceAll("^.*(/api/)", "/api/") + "/locales/en";
        String etag = created.etag();
        assertEquals(200, Api.anonymous().get("/health/ready").status());

        List<String> slow = new ArrayList<>();
        ServerOutput.record();
        proxy.cut();
        ServerOutput.Recorded log;
        Api.Reply afterwards;
        try {
            long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            int round = 0;
            while (System.nanoTime() < until) {
                round++;
                String text = "during the outage " + round;
                var save = timed(slow, "PUT " + path, () -> author.put(path, edit(slug, text, text), etag));
                expectUnavailableProblem(save);
                var read = timed(slow, "GET " + path, () -> Api.as("editor").get(path));
                expectUnavailableProblem(read);
                // an account whose password was not verified lately: signing in needs the database
                var freshSignIn = timed(slow, "GET /api/articles as translator",
                        () -> Api.as("translator").get("/api/articles?q=" + unique("w")));
                expectUnavailableProblem(freshSignIn);
                var search = timed(slow, "GET /en/search", () -> Api.anonymous().get("/en/search?q=" + unique("s")));
                assertEquals(503, search.status(), search::toString);
                assertTrue(search.header("Retry-After").isPresent(), search::toString);
                assertTrue(search.header("Content-Type").orElse("").startsWith("text/html"), search::toString);
                var index = timed(slow, "GET /en/", () -> Api.anonymous().get("/en/"));
                assertTrue(index.status() == 200 || index.status() == 503, index::toString);
                var ready = timed(slow, "GET /health/ready", () -> Api.anonymous().get("/health/ready"));
                assertEquals(503, ready.status(), ready::toString);
            }
        } finally {
            proxy.restore();
            log = ServerOutput.stop();
            // waited for whatever happened above, so that a failure here leaves no outage behind for the next tests
            afterwards = saveOnceBack(author, path, slug, etag);
        }

        assertEquals(List.of(), slow, "answers that took longer than " + ANSWER_WITHIN_MS + " ms");
        assertFalse(log.text().contains("\tat "), () -> "a stack trace was logged during the outage:\n" + excerpt(log.text()));
        assertTrue(log.bytes() < 20_000, () -> "the log grew by " + log.bytes() + " bytes during the outage:\n" + excerpt(log.text()));
        assertEquals(200, afterwards.status(), () -> "within 5 s of the database's return: " + afterwards);
        assertEquals(200, Api.anonymous().get("/health/ready").status());
    }

    /**
     * A save that waits on a row someone else holds fails after {@code cms.db.timeout-seconds} with a
     * 503, and the database gives up its statement too: no backend of the application is left waiting
     * on the lock (it would hold a connection of the database's and whatever locks it took until the
     * row is let go, for minutes or for good). Once the row is free the same save succeeds, and the
     * failed one left nothing behind.
     */
    @Test
    void aStatementThatOutlastsTheTimeoutIsGivenUpByTheDatabaseToo() throws Exception {
        Api author = Api.as("author");
        String slug = unique("held");
        var created = author.post("/api/articles", article(slug));
        assertEquals(201, created.status(), created::toString);
        String articlePath = created.header("Location").orElseThrow().replaceAll("^.*(/api/)", "/api/");
        long articleId = Long.parseLong(articlePath.replaceAll("^.*/", ""));
        String path = articlePath + "/locales/en";
        long revisions = DatabaseRows.count(REVISIONS_OF_ARTICLE, articleId);
        Api.Reply save;
        long waiting;
        try (Connection holder = DriverManager.getConnection(System.getProperty("cms.it.db.url"),
                System.getProperty("cms.it.db.user"), System.getProperty("cms.it.db.password"))) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("select id from variant where article_id = ? for update")) {
                lock.setLong(1, articleId);
                lock.executeQuery().close();
            }
            long start = System.nanoTime();
            save = author.put(path, edit(slug, "while the row is held", "while the row is held"), created.etag());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < ANSWER_WITHIN_MS, () -> "the save waited " + ms + " ms");
            waiting = waitersAfter(holder, Duration.ofSeconds(2));
            holder.rollback();
        }
        expectUnavailableProblem(save);
        assertEquals(0, waiting, "statements of the application still waiting on the held row after its request was answered");
        assertEquals(revisions, DatabaseRows.count(REVISIONS_OF_ARTICLE, articleId));
        var again = saveOnceBack(author, path, slug, created.etag());
        assertEquals(200, again.status(), again::toString);
    }

    /** How many other backends still wait on a lock once they have had {@code grace} to give up. */
    private static long waitersAfter(Connection db, Duration grace) throws SQLException {
        long until = System.nanoTime() + grace.toNanos();
        long waiting;
        do {
            try (var st = db.createStatement(); var rs = st.executeQuery("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and pid <> pg_backend_pid() and datname = current_database()")) {
                rs.next();
                waiting = rs.getLong(1);
            }
        } while (waiting > 0 && System.nanoTime() < until && pause());
        return waiting;
    }

    /** Saves until the database is back: the last answer, 200 within 5 s of its return if all is well. */
    private static Api.Reply saveOnceBack(Api author, String path, String slug, String etag) {
        long restored = System.nanoTime();
        Api.Reply save;
        do {
            save = author.put(path, edit(slug, "after the outage", "after the outage"), etag);
        } while (save.status() != 200 && System.nanoTime() - restored < Duration.ofSeconds(5).toNanos() && pause());
        return save;
    }

    private static void expectUnavailableProblem(Api.Reply reply) {
        assertEquals(503, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").orElse("").startsWith("application/problem+json"), reply::toString);
        assertTrue(reply.header("Retry-After").orElse("").matches("\\d+"), reply::toString);
        assertEquals("/problems/database-unavailable", reply.json().get("type").asText().replaceAll("^.*(/problems/)", "/problems/"));
    }

    private static Api.Reply timed(List<String> slow, String what, Supplier<Api.Reply> request) {
        long start = System.nanoTime();
        Api.Reply reply = request.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > ANSWER_WITHIN_MS) {
            slow.add(what + ": " + ms + " ms, " + reply.status());
        }
        return reply;
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String excerpt(String log) {
        return log.length() <= 6000 ? log : log.substring(0, 6000) + "\n…";
    }
}
