package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, done when: typing, then killing the server process with {@code kill -9}, then signing
 * in again offers the text back. The suite's server is shared, so this starts a Payara Micro of its
 * own (the built WAR, the project's boot commands, the embedded H2 default in a folder of its own,
 * a free loopback port), types into the editor as its ajax request does, kills the JVM with
 * SIGKILL, starts it again on the same folder and signs in anew. Every process it starts is killed
 * after the test, whatever the outcome.
 */
abstract class AutosaveCrashTests {

    private static final Duration READY_WITHIN = Duration.ofSeconds(300);

    private final List<Process> started = new ArrayList<>();
    private Path folder;
    private URI suite;

    @AfterEach
    void stopEverythingStarted() throws IOException {
        for (Process process : started) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started.clear();
        if (suite != null) {
            Api.useServer(suite);
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void typedTextSurvivesKill9AndIsOfferedAfterSigningInAgain() throws Exception {
        suite = Api.base();
        folder = Files.createTempDirectory("cms-autosave-crash");
        int port = freePort();

        Process first = start(port, 1);
        awaitReady(port, first);
        Api.useServer(URI.create("http://127.0.0.1:" + port + "/"));
        var writer = new AdminSession();
        writer.signIn("author", "demo");
        writer.get("/admin/edit.xhtml");
        String typed = "Typed just before the server was killed, " + Fixtures.unique("kill9");
        var partial = writer.ajax("editor", Map.of("editor:title", "Unsaved when the server died", "editor:body", typed),
                "editor:body", "keyup", "editor:autosaved");
        assertTrue(partial.body().contains("Autosaved at"), partial.body());

        // SIGKILL: no shutdown hook, no flush, no session saved
        first.destroyForcibly();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the killed server is gone");
        assertEquals(137, first.exitValue(), "killed by SIGKILL (128 + 9)");

        Process second = start(port, 2);
        awaitReady(port, second);
        var reader = new AdminSession();
        reader.signIn("author", "demo");
        String page = reader.get("/admin/edit.xhtml").body();
        assertTrue(page.contains("You have unsaved text from"), page);
        assertFalse(reader.textarea("editor:body").contains(typed));
        reader.submit("autosave", Map.of(), "autosave:restore");
        assertEquals(typed, reader.textarea("editor:body"));
        assertTrue(reader.last.body().contains("value=\"Unsaved when the server died\""), "the title came back too");
    }

    private Process start(int port, int run) throws IOException {
        String configs = System.getProperty("cms.it.server-config", "server-config");
        Path log = Path.of("target", "it-logs", "payara-autosave-crash-" + run + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Files.createDirectories(folder.resolve("tmp"));
        var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + folder.resolve("tmp"),
                "-Dcms.http.address=127.0.0.1",
                "-Dcms.data.dir=" + folder.resolve("data"),
                "-Dcms.demo=true",
                "-Dcms.mail.enabled=false",
                "-Dhazelcast.socket.bind.any=false",
                "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("cms.it.war", "target/cms.war"),
                "--contextroot", "/",
                "--port", Integer.toString(port),
                "--nocluster",
                "--interfaces", "127.0.0.1",
                "--rootdir", folder.resolve("payara-" + run).toString(),
                "--prebootcommandfile", configs + "/pre-boot-commands.asadmin",
                "--postbootcommandfile", configs + "/post-boot-commands.asadmin")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the server reads CMS_* variables too: only the settings above count
        command.environment().keySet().removeIf(name -> name.startsWith("CMS_"));
        Process process = command.start();
        started.add(process);
        return process;
    }

    private static void awaitReady(int port, Process process) throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "the server stopped while starting; see target/it-logs/payara-autosave-crash-*.log");
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the server was not ready within " + READY_WITHIN);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
