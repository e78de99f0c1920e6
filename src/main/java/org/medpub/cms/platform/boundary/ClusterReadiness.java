package org.medpub.cms.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.medpub.cms.platform.control.Cluster;

/**
 * Ready once this instance sees the members of the cluster it was configured for: an instance that
 * has not joined would serve pages that the others' changes never reach.
 */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {

    @Inject
    Cluster cluster;

    private volatile boolean started;

    /**
     * Payara's health endpoint calls the checks as soon as they are registered, while the application
     * is still being deployed and cannot read its configuration yet: until it has started, this check
     * answers "not ready" without asking the cluster (which failed with a stack trace).
     */
    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        if (!started) {
            return HealthCheckResponse.named("cluster").down().withData("starting", true).build();
        }
        int members = cluster.members();
        return HealthCheckResponse.named("cluster")
                .status(members >= cluster.expectedMembers())
                .withData("members", members)
                .withData("expectedMembers", cluster.expectedMembers())
                .build();
    }
}
