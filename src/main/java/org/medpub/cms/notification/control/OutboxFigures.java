package org.medpub.cms.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.medpub.cms.platform.control.Database;
import org.medpub.cms.platform.control.DatabaseReadings;

/**
 * The outbox at {@code /metrics}: how many mails wait ({@code cms_outbox_pending}), how many of them
 * failed at least once ({@code cms_outbox_failed}), how long the oldest has waited
 * ({@code cms_outbox_oldest_pending_seconds}), all from the last {@link DatabaseReadings reading}; and,
 * counted as they happen on this instance, the mails sent and the tries that failed
 * ({@code cms_mails_sent_total}, {@code cms_mail_failures_total}). The counts read the unsent rows only,
 * through the outbox's index on {@code sent_at}.
 */
@ApplicationScoped
public class OutboxFigures {

    private record Backlog(long pending, long failed, Instant oldest) {
        static final Backlog NONE = new Backlog(0, 0, null);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    MetricRegistry registry;

    @Inject
    DatabaseReadings readings;

    @Inject
    Clock clock;

    private volatile Backlog backlog = Backlog.NONE;
    private Counter sent;
    private Counter failures;

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("cms_outbox_pending")
                .withDescription("Mails in the outbox not sent yet").build(), () -> backlog.pending());
        registry.gauge(Metadata.builder().withName("cms_outbox_failed")
                .withDescription("Mails in the outbox whose last try failed; they are tried again").build(),
                () -> backlog.failed());
        registry.gauge(Metadata.builder().withName("cms_outbox_oldest_pending").withUnit(MetricUnits.SECONDS)
                .withDescription("How long the oldest unsent mail has waited; 0 when none waits").build(),
                this::oldestPendingSeconds);
        sent = registry.counter(Metadata.builder().withName("cms_mails_sent")
                .withDescription("Mails the mail server took from this instance").build());
        failures = registry.counter(Metadata.builder().withName("cms_mail_failures")
                .withDescription("Tries of this instance to hand a mail to the mail server that failed").build());
    }

    void start(@Observes @Priority(Database.MIGRATED + 25) Startup startup) {
        readings.every("the outbox", this::read);
    }

    void sent() {
        sent.inc();
    }

    void failed() {
        failures.inc();
    }

    private void read() {
        Object[] counts = em.createQuery("select count(n), sum(case when n.attempts > 0 then 1 else 0 end)"
                + " from Notification n where n.sentAt is null", Object[].class).getSingleResult();
        Instant oldest = em.createQuery("select n.createdAt from Notification n where n.sentAt is null"
                        + " order by n.createdAt", Instant.class)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        backlog = new Backlog(number(counts[0]), number(counts[1]), oldest);
    }

    private long oldestPendingSeconds() {
        Instant oldest = backlog.oldest();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
