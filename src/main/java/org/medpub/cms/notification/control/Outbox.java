package org.medpub.cms.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.notification.entity.Notification;

/**
 * The notifications waiting to be sent. A notification is put in the outbox in the transaction
 * of what it announces and sent after that commits, by whichever instance claims it first: the
 * row lock lets only one send it. A failed try is recorded and the next one put off by the
 * {@link Backoff} of {@code cms.mail.retry-base-seconds} and {@code cms.mail.retry-max-seconds},
 * so that nothing is lost while the mail server is down.
 */
@ApplicationScoped
public class Outbox {

    /** What one try came to: sent, or the reason it failed; neither when it was no longer due. */
    public record Attempt(boolean sent, String failure) {

        static final Attempt NOT_DUE = new Attempt(false, null);

        public boolean failed() {
            return failure != null;
        }
    }

    // last_error is for an operator's eye: the gist, not a stack trace
    private static final int MAX_ERROR_LENGTH = 300;
    private static final int MAX_SUBJECT_LENGTH = 300;

    @PersistenceContext
    EntityManager em;

    @Inject
    MailServer mailServer;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cms.mail.retry-base-seconds")
    long retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "cms.mail.retry-max-seconds")
    long retryMaxSeconds;

    private Backoff backoff;

    @PostConstruct
    void configure() {
        backoff = new Backoff(Duration.ofSeconds(retryBaseSeconds), Duration.ofSeconds(retryMaxSeconds));
    }

    /** Puts a notification in the outbox as part of the caller's transaction: it is sent only if that commits. */
    @Transactional(TxType.MANDATORY)
    public void put(String recipient, String subject, String body) {
        putOnce(null, recipient, subject, body);
    }

    /** As {@link #put}, for a notification that no other may repeat: a second one with its key fails the transaction. */
    @Transactional(TxType.MANDATORY)
    public void putOnce(String dedupeKey, String recipient, String subject, String body) {
        em.persist(new Notification(recipient, truncate(oneLine(subject), MAX_SUBJECT_LENGTH), body, dedupeKey,
                clock.instant()));
    }

    /** The notifications due now, longest waiting first. */
    @Transactional
    public List<Long> due(int limit) {
        return em.createQuery("select n.id from Notification n where n.sentAt is null and n.nextAttemptAt <= :now"
                        + " order by n.nextAttemptAt, n.id", Long.class)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Sends one notification if it is still due. The row stays locked until the outcome is
     * recorded, so another instance waits and then finds it sent; should the commit fail after
     * the server took the mail, it is sent again later: twice rather than never.
     */
    @Transactional
    public Attempt send(long id) {
        Notification notification = em.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (notification == null || !notification.isDueAt(now)) {
            return Attempt.NOT_DUE;
        }
        Attempt attempt;
        try {
            mailServer.send(notification.getRecipient(), notification.getSubject(), notification.getBody());
            notification.markSent(clock.instant());
            attempt = new Attempt(true, null);
        } catch (MessagingException e) {
            String reason = reason(e);
            notification.markFailed(clock.instant(), reason, backoff::delayAfter);
            attempt = new Attempt(false, reason);
        }
        // written here, not at commit: a database gone meanwhile is then an exception of this call, which
        // the delivery treats as an outage, instead of a failure the transaction manager logs with its trace
        em.flush();
        return attempt;
    }

    /** The exception's message and its cause's, on one short line; Jakarta Mail puts no password in either. */
    private static String reason(MessagingException e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !reason.contains(cause.getMessage())) {
            reason += " (" + cause.getMessage() + ")";
        }
        return truncate(oneLine(reason), MAX_ERROR_LENGTH);
    }

    /** Titles are the authors' text: no line break may reach a mail header. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
