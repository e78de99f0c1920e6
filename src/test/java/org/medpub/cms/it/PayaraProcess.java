package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro of the built WAR that a test starts itself, beside the suite's (the cluster's
 * members, the two ends of an archive's round trip): on loopback, on a free port, with the
 * project's server configuration, its log in {@code target/it-logs/payara-<name>.log}. Only the
 * settings given count: the {@code CMS_*} variables of the test's environment are not passed on.
 */
record PayaraProcess(String name, Process process, URI uri, Path log) {

    private static final Duration READY_WITHIN = Duration.ofSeconds(300);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Starts one; {@code settings} are JVM options ({@code -Dcms.…}), {@code options} Payara
     * Micro's own; its root and temporary folders are made under {@code folder}.
     */
    static PayaraProcess start(String name, Path folder, List<String> settings, List<String> options) throws IOException {
        int port = freePort();
        String configs = System.getProperty("cms.it.server-config", "server-config");
        Path log = Path.of("target", "it-logs", "payara-" + name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Files.createDirectories(folder.resolve("tmp-" + name));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + folder.resolve("tmp-" + name),
                "-Dcms.http.address=127.0.0.1",
                "-Dhazelcast.socket.bind.any=false"));
        command.addAll(settings);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("cms.it.war", "target/cms.war"),
                "--contextroot", "/",
                "--name", "cms-" + name,
                "--port", Integer.toString(port),
                "--interfaces", "127.0.0.1",
                "--nohostaware",
                "--disablephonehome",
                "--rootdir", folder.resolve("payara-" + name).toString(),
                "--prebootcommandfile", configs + "/pre-boot-commands.asadmin",
                "--postbootcommandfile", configs + "/post-boot-commands.asadmin"));
        command.addAll(options);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("CMS_"));
        return new PayaraProcess(name, builder.start(), URI.create("http://127.0.0.1:" + port + "/"), log);
    }

    /** Waits until {@code /health/ready} answers 200; fails if the process stops first. */
    void awaitReady() throws InterruptedException {
        var ready = HttpRequest.newBuilder(uri.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "instance " + name + " stopped while starting; see " + log);
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("instance " + name + " was not ready within " + READY_WITHIN + "; see " + log);
    }

    /** Kills it and waits until it is gone. */
    void stop() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Deletes a folder the test made, with everything in it. */
    static void delete(Path folder) throws IOException {
        if (folder != null && Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }
}
