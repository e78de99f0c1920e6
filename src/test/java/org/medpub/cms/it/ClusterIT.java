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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 13: two Payara Micro instances of the built WAR on one PostgreSQL (the suite's), members of
 * one data grid of their own (a cluster name and grid ports of this run, loopback only), each on a
 * free HTTP port. A reader's page is never older than a publish or unpublish made on the other
 * instance by more than a second; a scheduled publication that both instances poll goes live once
 * and its re-review reminder is sent once; an admin signed in on one instance goes on, with the
 * same session cookie and the same Faces view, on the other after the first was killed. Both
 * instances start in parallel; every process started is killed at the end, whatever the outcome.
 * <p>
 * Not a nested class of {@link ApiSuiteIT}: the suite's instance keeps its own grid, and this test
 * stops one of its instances.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static final List<PayaraProcess> STARTED = new ArrayList<>();
    private static Path folder;
    private static PayaraProcess a;
    private static PayaraProcess b;

    @BeforeAll
    static void startTwoInstancesOfOneCluster() throws Exception {
        folder = Files.createTempDirectory("cms-cluster-it");
        String cluster = "cms-cluster-it-" + ProcessHandle.current().pid();
        int gridA = PayaraProcess.freePort();
        int gridB = PayaraProcess.freePort();
        String members = "tcpip:127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
        // the demo users and articles are created by one instance only: two would race for the same rows
        a = start("a", cluster, members, gridA, true);
        b = start("b", cluster, members, gridB, false);
        a.awaitReady();
        b.awaitReady();
        awaitMembers(a, 2);
        awaitMembers(b, 2);
    }

    @AfterAll
    static void stopEverythingStarted() throws IOException {
        STARTED.forEach(PayaraProcess::stop);
        STARTED.clear();
        PayaraProcess.delete(folder);
    }

    @Test
    @Order(1)
    void aPublishOnOneInstanceIsOnTheOtherWithinASecond() {
        String slug = unique("cluster-publish");
        use(a);
        Api author = Api.as("author");
        String variant = RevisionApiTests.path(author.post("/api/articles", with(article(slug), "body", "First words."))) + "/locales/en";
        Workflow.publish(author, variant);
        String page = "/en/articles/" + slug;
        // B renders the page and keeps it
        assertTrue(reader(b, page).body().contains("First words."));
        assertTrue(reader(b, page).body().contains("First words."));

        assertEquals(200, author.put(variant, edit(slug, "Second words.", "corrected"), "\"r1\"").status());
        Workflow.publish(author, variant);
        Instant published = Instant.now();
        awaitOn(b, page, answer -> answer.statusCode() == 200 && answer.body().contains("Second words."), published,
                "the new revision on the other instance");
    }

    @Test
    @Order(2)
    void anUnpublishOnOneInstanceIsGoneFromTheOtherWithinASecond() {
        String slug = unique("cluster-unpublish");
        use(b);
        Api author = Api.as("author");
        String variant = RevisionApiTests.path(author.post("/api/articles", article(slug))) + "/locales/en";
        Workflow.publish(author, variant);
        String page = "/en/articles/" + slug;
        // A renders the page and keeps it
        assertEquals(200, reader(a, page).statusCode());
        assertEquals(200, reader(a, page).statusCode());

        use(b);
        var unpublished = take(Api.as("editor"), variant, step("unpublish"));
        Instant gone = Instant.now();
        assertEquals(200, unpublished.status(), unpublished::toString);
        awaitOn(a, page, answer -> answer.statusCode() == 404, gone, "the unpublished page gone from the other instance");
    }

    @Test
    @Order(3)
    void aScheduleBothInstancesPollGoesLiveOnceAndItsReminderIsSentOnce() {
        String marker = unique("cluster-schedule");
        use(a);
        Api author = Api.as("author");
        String created = RevisionApiTests.path(author.post("/api/articles",
                with(article(marker), "title", "Scheduled once " + marker)));
        long article = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        String variant = created + "/locales/en";
        assertEquals(200, take(author, variant, step("submit")).status());
        assertEquals(200, take(Api.as("reviewer"), variant, signOff("approve")).status());
        // both instances look for due schedules every second
        var scheduled = take(Api.as("editor"), variant, with(step("publish"), "publishAt", Instant.now().plusSeconds(3).toString()));
        assertEquals(200, scheduled.status(), scheduled::toString);
        assertEquals("approved", scheduled.json().get("state").asText());

        Mailbox.await("the scheduled publication", () -> DatabaseRows.count(
                "select count(*) from audit_event where article_id = ? and action = 'publish'", article) > 0);
        // a few more polls of both instances, and of the re-review check, which announces the new publication
        Mailbox.awaitMail(marker, Mailbox.to("reviewer@demo.invalid", "Re-review due: Scheduled once " + marker));
        pause(Duration.ofSeconds(4));
        assertEquals(1, DatabaseRows.count("select count(*) from audit_event where article_id = ? and action = 'publish'", article),
                () -> DatabaseRows.text("select string_agg(action || ' by ' || actor || ' at ' || occurred_at || ': '"
                        + " || coalesce(event_comment, ''), ' | ' order by id) from audit_event where article_id = ?", article));
        assertEquals(1, DatabaseRows.count("select count(*) from scheduled_publication s join variant v on v.id = s.variant_id"
                + " where v.article_id = ? and s.done_at is not null", article));
        assertEquals(1, DatabaseRows.count("select count(*) from inbox_entry where article_id = ? and recipient = 'reviewer'"
                + " and kind like 'RE_REVIEW%'", article));
        // the reviewer was also mailed when the article was submitted ("Review requested: …")
        String reminder = "Re-review due: Scheduled once " + marker;
        assertEquals(1, DatabaseRows.count("select count(*) from mail_outbox where recipient = 'reviewer@demo.invalid'"
                + " and subject like ?", reminder + "%"));
        assertEquals(1, Mailbox.received(marker).stream().filter(Mailbox.to("reviewer@demo.invalid", reminder)).count(),
                "one reminder mailed to the one medical reviewer");
        use(b);
        assertEquals("published", Api.as("author").get(variant).json().get("state").asText());
    }

    @Test
    @Order(4)
    void anAdminSignedInOnOneInstanceGoesOnOnTheOtherWhenTheFirstIsKilled() throws Exception {
        use(a);
        var admin = new AdminSession();
        admin.signIn("admin", "demo");
        assertTrue(admin.last.body().contains("Signed in as admin"), admin.last.body());
        String cookie = admin.sessionCookie();
        int cookiesSet = admin.sessionCookiesSet.size();

        // the same cookie on the other instance: the same user, no new session
        use(b);
        var dashboard = admin.get("/admin/");
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("Signed in as admin"), dashboard.body());

        // a form opened on A (its view state in the session), then A dies
        use(a);
        admin.get("/admin/account.xhtml");
        assertTrue(admin.last.body().contains("jakarta.faces.ViewState"));
        a.process().destroyForcibly();
        assertTrue(a.process().waitFor(60, TimeUnit.SECONDS), "the killed instance is gone");

        use(b);
        String name = "Ada Admin " + unique("cluster");
        try {
            var saved = admin.submit("profile", Map.of("profile:displayName", name), "profile:save");
            assertEquals(200, saved.statusCode());
            assertFalse(saved.body().contains("id=\"login\""), "still signed in: " + saved.body());
            assertEquals(name, DatabaseRows.text("select display_name from app_user where username = 'admin'"),
                    "the form opened on the killed instance was saved on the other");
            assertEquals(cookie, admin.sessionCookie(), "the same session cookie throughout");
            assertEquals(cookiesSet, admin.sessionCookiesSet.size(), "no new session was started");
        } finally {
            DatabaseRows.update("update app_user set display_name = 'Ada Admin' where username = 'admin'");
        }
    }

    private static PayaraProcess start(String name, String cluster, String members, int gridPort, boolean demo)
            throws IOException {
        PayaraProcess node = PayaraProcess.start("cluster-" + name, folder, List.of(
                "-Dcms.db.url=" + System.getProperty("cms.it.db.url"),
                "-Dcms.db.user=" + System.getProperty("cms.it.db.user"),
                "-Dcms.db.password=" + System.getProperty("cms.it.db.password"),
                "-Dcms.demo=" + demo,
                // both instances look for due schedules and re-reviews every second, and mail at once
                "-Dcms.schedule.poll-seconds=1",
                "-Dcms.review.due-soon=P400D",
                "-Dcms.mail.host=127.0.0.1",
                "-Dcms.mail.port=" + Mailbox.port(),
                "-Dcms.mail.poll-seconds=1",
                "-Dcms.mail.re-review-check=PT1S",
                "-Dcms.security.hash-wait-millis=30000"), List.of(
                "--clustername", cluster,
                "--clustermode", members,
                "--startport", Integer.toString(gridPort)));
        STARTED.add(node);
        return node;
    }

    /** Waits until the instance's grid has this many members, as Payara logs the state of its data grid. */
    private static void awaitMembers(PayaraProcess node, int members) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(node.log(), StandardCharsets.ISO_8859_1).contains("DG Size: " + members)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance " + node.name() + " did not see " + members + " members; see " + node.log());
    }

    /** Polls the reader page on the node until it answers as expected, at most a second after {@code since}. */
    private static void awaitOn(PayaraProcess node, String path, Predicate<HttpResponse<String>> expected, Instant since, String what) {
        HttpResponse<String> answer;
        do {
            answer = reader(node, path);
            if (expected.test(answer)) {
                return;
            }
            pause(Duration.ofMillis(20));
        } while (Duration.between(since, Instant.now()).compareTo(VISIBLE_WITHIN) <= 0);
        throw new AssertionError("not " + what + " within " + VISIBLE_WITHIN + ": " + answer.statusCode() + " "
                + answer.body().substring(0, Math.min(400, answer.body().length())));
    }

    private static HttpResponse<String> reader(PayaraProcess node, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(node.uri().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The API and the admin sessions of the tests talk to this instance from now on. */
    private static void use(PayaraProcess node) {
        Api.useServer(node.uri());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
