package org.medpub.cms.translation.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.Database;
import org.medpub.cms.platform.control.DatabaseOutage;

/**
 * Indexes the translations that were saved before the memory had its index (or that reached the
 * database other than through a save, and were put in the backlog by whoever wrote them),
 * {@code cms.translation.memory-batch} variants to a transaction with a short pause between
 * batches, so that editors' requests keep their share of the database. An empty backlog is looked
 * at once a second, one indexed query. Every instance of a cluster works it off, each variant once
 * ({@link TranslationMemoryIndex#workOffBacklog}).
 */
@ApplicationScoped
public class TranslationMemoryBacklog {

    private static final Logger LOG = Logger.getLogger(TranslationMemoryBacklog.class.getName());
    private static final long PAUSE_MILLIS = 100;
    private static final long IDLE_MILLIS = 1000;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    DatabaseOutage outage;

    @Inject
    TranslationMemoryIndex index;

    @Inject
    @ConfigProperty(name = "cms.translation.memory-batch")
    int batch;

    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;

    void start(@Observes @Priority(Database.MIGRATED + 30) Startup startup) {
        next = executor.schedule(this::workOff, PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    void workOff() {
        long pause = IDLE_MILLIS;
        try {
            int taken = index.workOffBacklog(batch);
            if (taken > 0) {
                LOG.fine(() -> taken + " translations indexed for the translation memory");
            }
            if (taken == batch) {
                pause = PAUSE_MILLIS;
            }
        } catch (RuntimeException e) {
            // the next batch tries again, for instance after a lock another instance held
            if (DatabaseOutage.isCause(e)) {
                outage.failed(e);
            } else {
                LOG.log(Level.WARNING, "Indexing translations for the translation memory failed; retrying", e);
            }
        }
        if (!stopped) {
            next = executor.schedule(this::workOff, pause, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
