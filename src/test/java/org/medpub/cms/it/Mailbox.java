package org.medpub.cms.it;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The suite's mail server: one GreenMail SMTP server on a free loopback port, started with the
 * suite's database before Payara Micro, so that the application's notifications really travel
 * over SMTP. Other tests send mails too, so tests find theirs by a marker in the subject.
 */
public final class Mailbox {

    /**
     * The suite's outbox is seldom idle (every reviewer account a test makes is reminded of the re-reviews
     * due): a mail may wait for the round in flight, which took over 15 s once in a full run.
     */
    private static final long WAIT_MILLIS = 30_000;

    private static GreenMail server;

    private Mailbox() {
    }

    /** Starts the server and answers its port. */
    static synchronized int start() {
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server = new GreenMail(new ServerSetup(probe.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the mail server", e);
        }
        server.start();
        return server.getSmtp().getPort();
    }

    /** The port the running server listens on, for servers the tests start themselves. */
    static synchronized int port() {
        return server.getSmtp().getPort();
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Takes the server away, as an outage would; GreenMail forgets the mails received so far. */
    public static synchronized void goDown() {
        server.stop();
    }

    /** Brings the server back on the same port. */
    public static synchronized void comeBack() {
        server.start();
    }

    /** The mails received so far whose subject contains the marker. */
    public static synchronized List<MimeMessage> received(String marker) {
        return Arrays.stream(server.getReceivedMessages()).filter(subjectContains(marker)).toList();
    }

    /** Waits up to 30 s for a mail with the marker that matches, and answers it. */
    public static MimeMessage awaitMail(String marker, Predicate<MimeMessage> matching) {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            List<MimeMessage> mails = received(marker);
            var match = mails.stream().filter(matching).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("No matching mail about " + marker + " within 30 s; received "
                        + mails.stream().map(Mailbox::describe).toList());
            }
            pause();
        }
    }

    /** Mails to that address whose subject starts so. */
    public static Predicate<MimeMessage> to(String address, String subjectStart) {
        return mail -> recipient(mail).equals(address) && subject(mail).startsWith(subjectStart);
    }

    public static String recipient(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getAllRecipients()).map(Object::toString).reduce((a, b) -> a + ", " + b).orElse("");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 30 s until the condition holds. */
    public static void await(String what, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError(what + " within 30 s");
            }
            pause();
        }
    }

    private static Predicate<MimeMessage> subjectContains(String marker) {
        return mail -> subject(mail).contains(marker);
    }

    private static String describe(MimeMessage mail) {
        return recipient(mail) + ": " + subject(mail);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
