package org.medpub.cms.workflow.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.medpub.cms.platform.control.Database;
import org.medpub.cms.platform.control.DatabaseReadings;

/**
 * The workflow at {@code /metrics}: the steps taken on this instance by action
 * ({@code cms_workflow_steps_total{action}}, counted from {@link WorkflowTransitioned} once the step
 * committed, so that the workflow itself knows nothing of it), and, from the last
 * {@link DatabaseReadings reading}, the scheduled publications waiting ({@code cms_scheduled_publications_pending})
 * and those of them already due ({@code cms_scheduled_publications_overdue}: more than a moment means the
 * schedule is not being served). The schedule is one row per publication ever scheduled, read whole.
 */
@ApplicationScoped
public class WorkflowFigures {

    private record Schedule(long pending, long overdue) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    MetricRegistry registry;

    @Inject
    DatabaseReadings readings;

    @Inject
    Clock clock;

    private final Map<WorkflowAction, Counter> steps = new EnumMap<>(WorkflowAction.class);
    private volatile Schedule schedule = new Schedule(0, 0);

    @PostConstruct
    void register() {
        Metadata stepsMeta = Metadata.builder().withName("cms_workflow_steps")
                .withDescription("Workflow steps committed on this instance, by action").build();
        for (WorkflowAction action : WorkflowAction.values()) {
            steps.put(action, registry.counter(stepsMeta, new Tag("action", action.key())));
        }
        registry.gauge(Metadata.builder().withName("cms_scheduled_publications_pending")
                .withDescription("Scheduled publications neither done nor cancelled").build(), () -> schedule.pending());
        registry.gauge(Metadata.builder().withName("cms_scheduled_publications_overdue")
                .withDescription("Scheduled publications whose time has come but that are not done yet").build(),
                () -> schedule.overdue());
    }

    void start(@Observes @Priority(Database.MIGRATED + 25) Startup startup) {
        readings.every("the publication schedule", this::read);
    }

    void counted(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkflowTransitioned step) {
        steps.get(step.action()).inc();
    }

    private void read() {
        Object[] counts = em.createQuery("select count(s), sum(case when s.publishAt <= :now then 1 else 0 end)"
                        + " from ScheduledPublication s where s.doneAt is null and s.cancelledAt is null", Object[].class)
                .setParameter("now", clock.instant())
                .getSingleResult();
        schedule = new Schedule(number(counts[0]), number(counts[1]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
