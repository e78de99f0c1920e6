package org.medpub.cms.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the integration tests their database before Arquillian starts Payara Micro: a real
 * PostgreSQL that this JVM starts (or the one named by {@code CMS_TEST_DB_URL}), or a fresh H2
 * folder for the suite that proves the embedded default. The choice comes from the failsafe
 * execution ({@code cms.it.database}); unit tests have none and start nothing. The suite's SMTP
 * server ({@link Mailbox}) is started here too, for the application's notifications.
 * <p>
 * The connector reads Payara Micro's JVM and command-line options from the system properties
 * {@code payara.cmdOptions} and {@code payara.extraMicroOptions}, so they are set here.
 */
public class IntegrationDatabase implements LauncherSessionListener {

    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String kind = System.getProperty("cms.it.database");
        if (kind == null || System.getProperty("payara.cmdOptions") != null) {
            return;
        }
        String url;
        String user;
        String password;
        if (kind.equals("postgresql")) {
            String external = System.getenv("CMS_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                url = external;
                user = System.getenv().getOrDefault("CMS_TEST_DB_USER", "cms");
                password = System.getenv().getOrDefault("CMS_TEST_DB_PASSWORD", "cms");
            } else {
                try {
                    // pg_stat_statements: ReaderSearchTests reads the statements as PostgreSQL ran them
                    postgres = EmbeddedPostgres.builder()
                            .setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
                }
                url = postgres.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = "postgres";
            }
        } else {
            Path dataDir = Path.of("target", "it-h2-data").toAbsolutePath();
            deleteRecursively(dataDir);
            url = "jdbc:h2:file:" + dataDir + "/cms;DB_CLOSE_ON_EXIT=FALSE";
            user = "cms";
            password = "cms";
        }
        // Payara reaches the embedded PostgreSQL through a proxy that DatabaseOutageTests can cut;
        // the tests' own look at the rows (DatabaseRows) goes straight to it
        String serverUrl = url;
        if (postgres != null) {
            serverUrl = "jdbc:postgresql://127.0.0.1:" + DatabaseProxy.start("127.0.0.1", postgres.getPort()).port() + "/postgres";
        }
        ServerOutput.install();
        int smtpPort = Mailbox.start();
        System.setProperty("cms.it.db.url", url);
        System.setProperty("cms.it.db.user", user);
        System.setProperty("cms.it.db.password", password);
        System.setProperty("payara.cmdOptions", String.join(" ",
                "-Xmx768m",
                "-Dcms.db.url=" + serverUrl.replace(" ", "\\ "),
                "-Dcms.db.user=" + user,
                "-Dcms.db.password=" + password,
                "-Dcms.demo=true",
                // scheduled publications are looked for every second, and re-reviews listed 400 days ahead,
                // so that the tests see both without waiting
                "-Dcms.schedule.poll-seconds=1",
                // the figures at /metrics that only the database knows are read every second
                "-Dcms.metrics.read-seconds=1",
                "-Dcms.review.due-soon=P400D",
                // the H2 suite proves the stricter safety policy; the PostgreSQL suite the default
                "-Dcms.translation.safety-policy=" + (kind.equals("h2") ? "offline" : "notice"),
                // notifications go to the suite's mail server, are retried within seconds and
                // re-reviews are looked for every second, so that the tests see mails without waiting
                "-Dcms.mail.host=127.0.0.1",
                "-Dcms.mail.port=" + smtpPort,
                "-Dcms.mail.poll-seconds=1",
                "-Dcms.mail.retry-base-seconds=1",
                "-Dcms.mail.retry-max-seconds=4",
                "-Dcms.mail.re-review-check=PT1S",
                // every answer says how many statements it cost (StatementCountTests)
                "-Dcms.diagnostics.query-count=true",
                // concurrent sign-in tests queue for the hashing cores of a busy test machine rather
                // than be turned away with 503, which they do not test
                "-Dcms.security.hash-wait-millis=30000",
                // small sitemap files and index pages, so that a few articles make several of each
                "-Dcms.site.sitemap-urls=3",
                "-Dcms.site.index-page-size=4",
                // search results come 3 to a page, and only the newest 8 matches are ranked, so that a
                // few articles fill several pages and pass the cap
                "-Dcms.site.search-page-size=3",
                "-Dcms.site.search-ranked-matches=8",
                // the PostgreSQL suite runs as behind a trusted TLS proxy; the H2 suite keeps the default
                "-Dcms.http.trust-forwarded-proto=" + !kind.equals("h2"),
                "-Dhazelcast.socket.bind.any=false",
                // the HTTP listener's address, read by the pre-boot commands
                "-Dcms.http.address=127.0.0.1"));
        // the server's log goes to a file as well as to the console, for tests that read what a request logged
        Path serverLog = Path.of("target", "it-logs", "payara-" + kind + ".log").toAbsolutePath();
        try {
            Files.createDirectories(serverLog.getParent());
            try (var earlier = Files.list(serverLog.getParent())) {
                for (Path file : earlier.filter(f -> f.getFileName().toString().startsWith("payara-" + kind + ".log")).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("cms.it.server-log", serverLog.toString());
        String serverConfig = System.getProperty("cms.it.server-config", "server-config").replace(" ", "\\ ");
        System.setProperty("payara.extraMicroOptions", String.join(" ",
                "--interfaces", "127.0.0.1",
                "--port", Integer.toString(freePort()),
                "--clustername", "cms-it-" + ProcessHandle.current().pid(),
                "--prebootcommandfile", serverConfig + "/pre-boot-commands.asadmin",
                "--postbootcommandfile", serverConfig + "/post-boot-commands.asadmin",
                "--logtofile", serverLog.toString().replace(" ", "\\ ")));
    }

    /** A port nothing listens on now, so that suites running side by side do not meet. */
    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Mailbox.stop();
        if (DatabaseProxy.running() != null) {
            DatabaseProxy.running().stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
