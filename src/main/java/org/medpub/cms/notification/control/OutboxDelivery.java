package org.medpub.cms.notification.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.Database;
import org.medpub.cms.platform.control.DatabaseOutage;

/**
 * Sends what waits in the {@link Outbox}: at once when asked after a commit, and every
 * {@code cms.mail.poll-seconds} for whatever failed before. Delivery runs on a managed thread,
 * never in a request's transaction. A mail server that cannot be reached is logged once per
 * outage (one warning, and one line when mails go out again), not once per mail: the embedded
 * default has no mail server and must not fill the log.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());
    private static final int BATCH = 100;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    DatabaseOutage outage;

    @Inject
    Outbox outbox;

    @Inject
    MailServer mail;

    @Inject
    OutboxFigures figures;

    @Inject
    @ConfigProperty(name = "cms.mail.poll-seconds")
    long pollSeconds;

    private final AtomicBoolean delivering = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean failing;
    private ScheduledFuture<?> polling;

    void start(@Observes @Priority(Database.MIGRATED + 20) Startup startup) {
        if (mail.isOn()) {
            polling = executor.scheduleWithFixedDelay(this::deliverDue, pollSeconds, pollSeconds, TimeUnit.SECONDS);
        }
    }

    /** Sends what is due soon, on a managed thread. */
    public void deliverSoon() {
        executor.execute(this::deliverDue);
    }

    void deliverDue() {
        wanted.set(true);
        // one round at a time on this instance; a request during a round makes that round go again
        while (wanted.get() && delivering.compareAndSet(false, true)) {
            try {
                while (wanted.getAndSet(false)) {
                    deliverRound();
                }
            } finally {
                delivering.set(false);
            }
        }
    }

    private void deliverRound() {
        try {
            List<Long> due;
            do {
                due = outbox.due(BATCH);
                for (long id : due) {
                    Outbox.Attempt attempt = outbox.send(id);
                    if (attempt.failed()) {
                        figures.failed();
                        // the server is most likely down: the rest wait for the next poll rather than each time out
                        reportFailure(attempt.failure());
                        return;
                    }
                    if (attempt.sent()) {
                        figures.sent();
                        reportSent();
                    }
                }
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            // the next poll tries again; one failure must not end the polling
            if (DatabaseOutage.isCause(e)) {
                outage.failed(e);
            } else {
                LOG.log(Level.WARNING, "Sending notifications failed; retrying at the next poll", e);
            }
        }
    }

    private void reportFailure(String reason) {
        if (!failing) {
            failing = true;
            LOG.warning(() -> "Notifications cannot be sent (" + reason + "). They wait in the outbox and are tried"
                    + " again; this is not logged again until a mail goes out.");
        }
    }

    private void reportSent() {
        if (failing) {
            failing = false;
            LOG.info("Notifications are sent again");
        }
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }
}
