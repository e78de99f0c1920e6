package org.medpub.cms.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;

/**
 * One e-mail to one member of the team, kept in the outbox until the mail server has taken it.
 * It is written in the transaction of what it announces, so it exists exactly when that
 * happened; a failed try is counted and the next one put off. A notification that must go out
 * only once carries a dedupe key that no other notification has.
 */
@Entity
@Table(name = "mail_outbox")
public class Notification {

    @Id
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    private Long id;

    @Column(updatable = false)
    private String recipient;

    @Column(updatable = false)
    private String subject;

    @Column(updatable = false)
    private String body;

    @Column(name = "dedupe_key", updatable = false)
    private String dedupeKey;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    protected Notification() {
    }

    public Notification(String recipient, String subject, String body, String dedupeKey, Instant createdAt) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.dedupeKey = dedupeKey;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    /** Not sent yet, and not put off beyond {@code now} by a failed try. */
    public boolean isDueAt(Instant now) {
        return sentAt == null && !nextAttemptAt.isAfter(now);
    }

    public void markSent(Instant at) {
        this.sentAt = at;
        this.lastError = null;
    }

    /** Counts a failed try and puts the next one off by the delay that this many failures call for. */
    public void markFailed(Instant at, String error, IntFunction<Duration> delayAfterFailures) {
        this.attempts++;
        this.lastError = error;
        this.nextAttemptAt = at.plus(delayAfterFailures.apply(attempts));
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }
}
