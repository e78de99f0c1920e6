package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, metrics: {@code /metrics} shows the product's own figures in Prometheus text, and they move
 * when editors and readers do something; only admins read them.
 */
abstract class MetricsTests {

    final Api admin = Api.as("admin");
    final Api author = Api.as("author");
    final Api reader = Api.anonymous();

    @Test
    void theProductsOwnFiguresMoveAfterAPublishAndAReadersVisit() {
        Scrape before = scrape();
        for (String type : new String[] {"cms_workflow_steps_total counter", "cms_requests_total counter",
                "cms_page_cache_hits_total counter", "cms_page_cache_misses_total counter",
                "cms_page_cache_entries gauge", "cms_page_cache_size_bytes gauge", "cms_outbox_pending gauge",
                "cms_outbox_failed gauge", "cms_outbox_oldest_pending_seconds gauge", "cms_mail_failures_total counter",
                "cms_mails_sent_total counter", "cms_scheduled_publications_pending gauge",
                "cms_scheduled_publications_overdue gauge", "cms_database_connections_opened gauge"}) {
            assertTrue(before.text.contains("# TYPE " + type + "\n"), () -> "# TYPE " + type + " in\n" + before.text);
        }
        assertTrue(before.text.contains("cms_request_duration_seconds"), before.text);
        assertTrue(before.value("cms_database_connections_opened") >= 1, before.text);

        String slug = unique("metrics");
        String variant = RevisionApiTests.path(author.post("/api/articles", article(slug))) + "/locales/en";
        Workflow.publish(author, variant);
        var first = reader.get("/en/articles/" + slug);
        assertEquals(200, first.status(), first::toString);
        assertEquals(200, reader.get("/en/articles/" + slug).status());
        assertEquals(200, reader.get("/en/articles/" + slug).status());
        assertEquals(200, reader.get("/en/search?q=migraine").status());

        Scrape after = scrape();
        assertTrue(after.delta(before, "cms_workflow_steps_total", "action", "publish") >= 1, after::text);
        assertTrue(after.delta(before, "cms_workflow_steps_total", "action", "submit") >= 1, after::text);
        assertTrue(after.delta(before, "cms_workflow_steps_total", "action", "approve") >= 1, after::text);
        assertTrue(after.delta(before, "cms_requests_total", "group", "reader", "status", "2xx") >= 3, after::text);
        assertTrue(after.delta(before, "cms_requests_total", "group", "search", "status", "2xx") >= 1, after::text);
        // the publishing steps and the article's creation, through the API
        assertTrue(after.delta(before, "cms_requests_total", "group", "api", "status", "2xx") >= 4, after::text);
        assertTrue(after.delta(before, "cms_request_duration_seconds_count", "group", "reader") >= 2, after::text);
        assertTrue(after.delta(before, "cms_request_duration_seconds_bucket", "group", "reader", "le", "+Inf") >= 2,
                after::text);
        assertFalse(after.text.contains("cms_request_duration_seconds{group=\"reader\",mp_scope=\"application\",quantile="),
                "no quantiles, which Payara writes in nanoseconds: " + after.text);
        // the page was rendered, then served from the cache
        assertTrue(after.delta(before, "cms_page_cache_misses_total") >= 1, after::text);
        assertTrue(after.delta(before, "cms_page_cache_hits_total") >= 1, after::text);
        assertTrue(after.value("cms_page_cache_entries") >= 1, after::text);
        assertTrue(after.value("cms_page_cache_size_bytes") >= first.body().length(), after::text);
        assertTrue(after.value("cms_outbox_oldest_pending_seconds") >= 0, after::text);
        awaitAsInTheDatabase("cms_outbox_pending", "select count(*) from mail_outbox where sent_at is null");
        awaitAsInTheDatabase("cms_outbox_failed", "select count(*) from mail_outbox where sent_at is null and attempts > 0");
    }

    @Test
    void aScheduledPublicationIsCountedUntilItIsCalledOff() {
        String variant = RevisionApiTests.path(author.post("/api/articles", article(unique("metrics-schedule"))))
                + "/locales/en";
        assertEquals(200, take(author, variant, step("submit")).status());
        assertEquals(200, take(Api.as("reviewer"), variant, signOff("approve")).status());

        var scheduled = take(Api.as("editor"), variant, with(step("publish"), "publishAt",
                Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        assertEquals(200, scheduled.status(), scheduled::toString);
        assertTrue(pendingSchedules() >= 1);
        awaitPendingAsInTheDatabase();

        var cancelled = Api.as("editor").send(Api.as("editor").request(variant + "/schedule").DELETE());
        assertEquals(200, cancelled.status(), cancelled::toString);
        awaitPendingAsInTheDatabase();
    }

    @Test
    void eachRequestIsCountedOnce() {
        Scrape before = scrape();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, reader.get("/health/live").status());
        }
        Scrape after = scrape();
        // the three probes and the first scrape, counted once it was answered
        assertEquals(4, after.delta(before, "cms_requests_total", "group", "operations", "status", "2xx"), 0.0, after::text);
        assertEquals(4, after.delta(before, "cms_request_duration_seconds_count", "group", "operations"), 0.0, after::text);
    }

    @Test
    void onlyAdminsReadTheFigures() {
        var anonymous = reader.get("/metrics");
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertFalse(anonymous.body().contains("cms_"), anonymous::body);
        var editor = Api.as("editor").get("/metrics");
        assertEquals(403, editor.status(), editor::toString);
        assertFalse(editor.body().contains("cms_"), editor::body);
    }

    private static final String PENDING_SCHEDULES =
            "select count(*) from scheduled_publication where done_at is null and cancelled_at is null";

    private static long pendingSchedules() {
        return DatabaseRows.count(PENDING_SCHEDULES);
    }

    /** The database's figures are read every second in this suite (cms.metrics.read-seconds). */
    private void awaitPendingAsInTheDatabase() {
        awaitAsInTheDatabase("cms_scheduled_publications_pending", PENDING_SCHEDULES);
    }

    private void awaitAsInTheDatabase(String metric, String count) {
        long until = System.nanoTime() + 15_000_000_000L;
        Scrape last;
        long rows;
        do {
            rows = DatabaseRows.count(count);
            last = scrape();
            if (last.value(metric) == rows) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        } while (System.nanoTime() < until);
        fail(metric + " stayed " + last.value(metric) + " while the database counts " + rows + ":\n" + last.text);
    }

    private Scrape scrape() {
        var answer = admin.get("/metrics");
        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type").orElseThrow().startsWith("text/plain"), answer::toString);
        return new Scrape(answer.body());
    }

    /** Prometheus text as a scraper reads it: one sample a line, {@code name{label="value",…} number}. */
    record Scrape(String text) {

        private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        /** The sample of that name whose labels include the given ones (name, value, …); 0 when there is none. */
        double value(String name, String... labels) {
            double found = Double.NaN;
            for (String line : text.split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (line.startsWith("#") || !sample.find() || !sample.group(1).equals(name)) {
                    continue;
                }
                Map<String, String> has = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                while (label.find()) {
                    has.put(label.group(1), label.group(2));
                }
                boolean matches = true;
                for (int i = 0; i < labels.length; i += 2) {
                    matches &= labels[i + 1].equals(has.get(labels[i]));
                }
                if (matches) {
                    if (!Double.isNaN(found)) {
                        fail("More than one sample " + name + " with " + String.join(",", labels) + ":\n" + text);
                    }
                    found = Double.parseDouble(sample.group(3));
                }
            }
            return Double.isNaN(found) ? 0 : found;
        }

        double delta(Scrape before, String name, String... labels) {
            return value(name, labels) - before.value(name, labels);
        }
    }
}
