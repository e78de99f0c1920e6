package org.medpub.cms.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The figures at {@code /metrics} that only the database knows (the outbox, the schedule), read on a
 * managed thread every {@code cms.metrics.read-seconds} and kept, so that a scrape never waits for the
 * database nor fails with it: during an outage the readings are skipped and the figures keep their last
 * values. A reading that fails for another reason (a statement timeout) is logged as one line, and not
 * again until one succeeds.
 */
@ApplicationScoped
public class DatabaseReadings {

    private static final Logger LOG = Logger.getLogger(DatabaseReadings.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    DatabaseOutage outage;

    @Inject
    ReadingTransaction transaction;

    @Inject
    @ConfigProperty(name = "cms.metrics.read-seconds")
    long readSeconds;

    private final List<ScheduledFuture<?>> readings = new CopyOnWriteArrayList<>();

    /** Runs the reading now and every {@code cms.metrics.read-seconds}; {@code what} names it in the log. */
    public void every(String what, Runnable reading) {
        readings.add(executor.scheduleWithFixedDelay(new Reading(what, reading), 0, readSeconds, TimeUnit.SECONDS));
    }

    private final class Reading implements Runnable {
        private final String what;
        private final Runnable reading;
        private boolean failing;

        Reading(String what, Runnable reading) {
            this.what = what;
            this.reading = reading;
        }

        @Override
        public void run() {
            if (outage.isDown()) {
                return;
            }
            try {
                transaction.run(reading);
                failing = false;
            } catch (RuntimeException e) {
                // one failure must not end the readings, nor a scrape show a stack trace's worth of log
                if (DatabaseOutage.isCause(e)) {
                    outage.failed(e);
                } else if (!failing) {
                    failing = true;
                    LOG.warning(() -> "Reading " + what + " for /metrics failed (" + e + "); the figures keep their"
                            + " last values and this is not logged again until a reading succeeds");
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        readings.forEach(reading -> reading.cancel(false));
    }
}
