package org.medpub.cms.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP server that notifications leave through, set up from {@code cms.mail.*}: host and
 * port, the sender, an optional sign-in, STARTTLS when asked for, and short timeouts so that an
 * unreachable server holds nothing up for long. Mails are plain text in UTF-8.
 * <p>
 * Mail is on only once a host is named: the embedded default knows no mail server, and a mail
 * written for none would wait in the outbox to go out, stale, the day one is configured. Without
 * one, people are told in their inbox of the editorial UI alone.
 */
@ApplicationScoped
public class MailServer {

    private static final Logger LOG = Logger.getLogger(MailServer.class.getName());

    @Inject
    @ConfigProperty(name = "cms.mail.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "cms.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "cms.mail.port")
    int port;

    @Inject
    @ConfigProperty(name = "cms.mail.from")
    String from;

    @Inject
    @ConfigProperty(name = "cms.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "cms.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "cms.mail.starttls")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "cms.mail.timeout-seconds")
    int timeoutSeconds;

    @Inject
    Clock clock;

    private Session session;

    @PostConstruct
    void configure() {
        String timeout = String.valueOf(timeoutSeconds * 1000);
        Properties settings = new Properties();
        host.ifPresent(name -> settings.put("mail.smtp.host", name));
        settings.put("mail.smtp.port", String.valueOf(port));
        settings.put("mail.smtp.connectiontimeout", timeout);
        settings.put("mail.smtp.timeout", timeout);
        settings.put("mail.smtp.writetimeout", timeout);
        settings.put("mail.smtp.auth", String.valueOf(username.isPresent()));
        // asked for, STARTTLS is required: falling back to plain text would send the password in clear
        settings.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        settings.put("mail.smtp.starttls.required", String.valueOf(starttls));
        session = Session.getInstance(settings);
    }

    /** Whether notifications are mailed: enabled, and a server named to send them through. */
    public boolean isOn() {
        return enabled && host.isPresent();
    }

    void announce(@Observes Startup startup) {
        if (enabled && host.isEmpty()) {
            LOG.info("No mail server is named (cms.mail.host): notifications are not mailed; each user reads"
                    + " them in the inbox of the editorial UI at /admin/");
        }
    }

    /** Hands one plain-text mail to the server; a refused address or an unreachable server throws. */
    public void send(String recipient, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        if (username.isPresent()) {
            Transport.send(message, username.get(), password.orElse(""));
        } else {
            Transport.send(message);
        }
    }
}
