package org.medpub.cms.workflow.control;

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
 * Publishes scheduled revisions when they fall due. The schedule lives in the database and is
 * looked at every {@code cms.schedule.poll-seconds}; a container timer would be tied to one
 * instance and, in Payara Micro, did not fire again after a restart.
 */
@ApplicationScoped
public class ScheduledPublishing {

    private static final Logger LOG = Logger.getLogger(ScheduledPublishing.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    DatabaseOutage outage;

    @Inject
    Transitions transitions;

    @Inject
    @ConfigProperty(name = "cms.schedule.poll-seconds")
    long pollSeconds;

    private ScheduledFuture<?> polling;

    void start(@Observes @Priority(Database.MIGRATED + 20) Startup startup) {
        polling = executor.scheduleWithFixedDelay(this::publishDue, pollSeconds, pollSeconds, TimeUnit.SECONDS);
    }

    void publishDue() {
        try {
            for (Long schedule : transitions.dueSchedules()) {
                transitions.publishScheduled(schedule);
            }
        } catch (RuntimeException e) {
            // the next poll tries again; one failure must not end the polling
            if (DatabaseOutage.isCause(e)) {
                outage.failed(e);
            } else {
                LOG.log(Level.WARNING, "Scheduled publishing failed; retrying at the next poll", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }
}
