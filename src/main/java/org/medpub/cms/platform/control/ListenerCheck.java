package org.medpub.cms.platform.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.w3c.dom.Element;

/**
 * Makes sure that a started instance serves: after start-up it asks its own HTTP listener for
 * {@code /health/live} until it answers 200, and when none came within
 * {@code cms.startup.listener-check-seconds} it logs why at SEVERE and stops the JVM with exit
 * status 1, so that a supervisor starts it again. Payara Micro has logged "ready" with its HTTP
 * port never bound (issue 10, item 18); such an instance would otherwise run on, serving nothing.
 * <p>
 * The listener's address and port are read from the configuration Payara Micro writes under its
 * instance root ({@code config/domain.xml}, {@code network-listener name="http-listener"}); where
 * there is none (another server) the check is skipped, saying so.
 */
@ApplicationScoped
public class ListenerCheck {

    private static final Logger LOG = Logger.getLogger(ListenerCheck.class.getName());
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    @Inject
    @ConfigProperty(name = "cms.startup.listener-check-seconds")
    long checkSeconds;

    /** Where the HTTP listener should answer. */
    record Listener(String host, int port) {
        URI live() {
            return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/health/live");
        }
    }

    void start(@Observes @Priority(Database.MIGRATED + 40) Startup startup) {
        if (checkSeconds <= 0) {
            return;
        }
        Optional<Listener> listener = configuredListener();
        if (listener.isEmpty()) {
            LOG.info("No Payara Micro HTTP listener configuration found: the start-up check of the listener is skipped");
            return;
        }
        // a thread of its own: the check waits for the deployment to finish, which this observer is part of
        Thread check = new Thread(() -> awaitAnswer(listener.get()), "cms-listener-check");
        check.setDaemon(true);
        check.start();
    }

    private void awaitAnswer(Listener listener) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(checkSeconds);
        String last = "no try";
        while (System.nanoTime() < deadline) {
            try {
                int status = status(listener.live());
                if (status == 200) {
                    LOG.info(() -> "The HTTP listener answers at " + listener.host() + ":" + listener.port());
                    return;
                }
                last = "status " + status;
            } catch (IOException e) {
                last = e.toString();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.severe("The HTTP listener at " + listener.host() + ":" + listener.port() + " did not answer "
                + listener.live().getPath() + " with 200 within " + checkSeconds + " s (last: " + last
                + "): this instance serves nothing, so it stops with exit status 1 for its supervisor to start it again");
        stopJvm();
    }

    private static int status(URI uri) throws IOException {
        var connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(5000);
        try (InputStream ignored = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    /** Exits from a thread of no container's, and halts if the orderly shutdown hangs. */
    private static void stopJvm() {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "cms-listener-check-halt");
        halt.setDaemon(true);
        halt.start();
        new Thread(() -> System.exit(1), "cms-listener-check-exit").start();
    }

    static Optional<Listener> configuredListener() {
        String root = System.getProperty("com.sun.aas.instanceRoot");
        if (root == null) {
            return Optional.empty();
        }
        return listenerIn(Path.of(root, "config", "domain.xml"));
    }

    static Optional<Listener> listenerIn(Path domainXml) {
        if (!Files.isRegularFile(domainXml)) {
            return Optional.empty();
        }
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var listeners = factory.newDocumentBuilder().parse(domainXml.toFile()).getElementsByTagName("network-listener");
            for (int i = 0; i < listeners.getLength(); i++) {
                var element = (Element) listeners.item(i);
                if ("http-listener".equals(element.getAttribute("name")) && !"false".equals(element.getAttribute("enabled"))) {
                    String address = expand(element.getAttribute("address"));
                    String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
                            ? "127.0.0.1" : address;
                    return Optional.of(new Listener(host, Integer.parseInt(expand(element.getAttribute("port")))));
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            LOG.warning(() -> "Could not read the HTTP listener from " + domainXml + ": " + e);
            return Optional.empty();
        }
    }

    /** {@code ${name}} replaced by the system property, as Payara does for its configuration. */
    static String expand(String value) {
        Matcher matcher = PROPERTY.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(System.getProperty(matcher.group(1), "")));
        }
        return matcher.appendTail(expanded).toString();
    }
}
