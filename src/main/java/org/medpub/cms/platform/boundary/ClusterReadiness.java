package org.medpub.cms.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
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

    @Override
    public HealthCheckResponse call() {
        int members = cluster.members();
        return HealthCheckResponse.named("cluster")
                .status(members >= cluster.expectedMembers())
                .withData("members", members)
                .withData("expectedMembers", cluster.expectedMembers())
                .build();
    }
}
