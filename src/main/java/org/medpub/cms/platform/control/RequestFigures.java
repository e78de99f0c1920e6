package org.medpub.cms.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Requests and their latency by {@link RouteGroup}, in the application's registry of MicroProfile
 * Metrics: {@code cms_requests_total{group, status}} (status by class: {@code 2xx} … {@code 5xx}) and
 * {@code cms_request_duration_seconds{group}}. Requests the container refuses before the application sees them
 * (a missing or wrong sign-in on {@code /api}) are not counted.
 */
@ApplicationScoped
public class RequestFigures {

    static final String REQUESTS = "cms_requests";
    static final String LATENCY = "cms_request_duration";
    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    @Inject
    MetricRegistry registry;

    private final Map<RouteGroup, Timer> latency = new EnumMap<>(RouteGroup.class);
    private final Map<RouteGroup, Counter[]> requests = new EnumMap<>(RouteGroup.class);

    @PostConstruct
    void register() {
        Metadata requestsMeta = Metadata.builder().withName(REQUESTS)
                .withDescription("Requests answered, by route group and status class").build();
        Metadata latencyMeta = Metadata.builder().withName(LATENCY).withUnit(MetricUnits.SECONDS)
                .withDescription("Time from the request's arrival to its answer, by route group").build();
        for (RouteGroup group : RouteGroup.values()) {
            Tag groupTag = new Tag("group", group.key());
            latency.put(group, registry.timer(latencyMeta, groupTag));
            Counter[] byStatus = new Counter[STATUS_CLASSES.length];
            for (int i = 0; i < STATUS_CLASSES.length; i++) {
                byStatus[i] = registry.counter(requestsMeta, groupTag, new Tag("status", STATUS_CLASSES[i]));
            }
            requests.put(group, byStatus);
        }
    }

    public void answered(RouteGroup group, int status, Duration took) {
        latency.get(group).update(took);
        int statusClass = status / 100 - 1;
        if (statusClass >= 0 && statusClass < STATUS_CLASSES.length) {
            requests.get(group)[statusClass].inc();
        }
    }
}
