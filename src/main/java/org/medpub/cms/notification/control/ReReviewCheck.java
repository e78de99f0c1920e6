package org.medpub.cms.notification.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.Database;
import org.medpub.cms.platform.control.DatabaseOutage;

/**
 * Looks for re-reviews to announce at start-up and then every {@code cms.mail.re-review-check}
 * (ISO-8601, default six hours), whether or not mail is enabled: the inbox tells them too. What
 * is due lives in the database, so a restart misses nothing; a container timer would be tied to
 * one instance and, in Payara Micro, did not fire again after a restart.
 */
@ApplicationScoped
public class ReReviewCheck {

    private static final Logger LOG = Logger.getLogger(ReReviewCheck.class.getName());
    /** SQLSTATE of a unique key's violation, on PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    DatabaseOutage outage;

    @Inject
    ReReviewReminders reminders;

    @Inject
    OutboxDelivery delivery;

    @Inject
    @ConfigProperty(name = "cms.mail.re-review-check")
    Duration period;

    private ScheduledFuture<?> checking;

    void start(@Observes @Priority(Database.MIGRATED + 30) Startup startup) {
        checking = executor.scheduleWithFixedDelay(this::check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void check() {
        try {
            if (reminders.announceDue() > 0) {
                delivery.deliverSoon();
            }
        } catch (RuntimeException e) {
            // the next check tries again; one failure must not end the checking
            if (DatabaseOutage.isCause(e)) {
                outage.failed(e);
            } else if (announcedByAnotherInstance(e)) {
                LOG.fine("Another instance of the cluster announced the due re-reviews first; nothing changed here");
            } else {
                LOG.log(Level.WARNING, "Looking for due re-reviews failed; retrying at the next check", e);
            }
        }
    }

    /**
     * In a cluster every instance checks: an inbox entry's unique key lets one of them announce a
     * re-review, and the other's transaction fails on that key and changes nothing. Expected, so no
     * warning and no stack trace.
     */
    private static boolean announcedByAnotherInstance(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @PreDestroy
    void stop() {
        if (checking != null) {
            checking.cancel(false);
        }
    }
}
