package org.medpub.cms.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.medpub.cms.platform.control.Database;

/** Ready once the schema is migrated and the database answers: before that no request can be served. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    Database database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database")
                .status(database.isMigrated() && database.isReachable())
                .withData("migrated", database.isMigrated())
                .build();
    }
}
