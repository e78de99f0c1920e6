package org.medpub.cms.platform.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * The application's database: H2 under {@code cms.data.dir} by default, PostgreSQL (or any
 * database with a bundled driver) when {@code cms.db.url} names one. The schema belongs to the
 * Flyway migrations in {@code db/migration}, run at start-up before anything else touches the
 * database; JPA never generates tables.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.medpub.cms.platform.control.JdbcUrlDataSource",
        url = "${MPCONFIG=cms.db.url}",
        user = "${MPCONFIG=cms.db.user}",
        password = "${MPCONFIG=cms.db.password}",
        // no steady connections: after a failure the pool makes none in advance, so that during an
        // outage a request waits for one connection attempt at most (issue 10, item 5)
        minPoolSize = 0,
        maxPoolSize = 32,
        properties = {
            // a database that cannot be reached fails a request within seconds (issue 10, item 5):
            // the wait for a pooled connection here, the driver's timeouts in JdbcUrlDataSource
            "fish.payara.max-wait-time-in-millis=2000",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true"
        })
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/cms";
    /** Observers of start-up that need the schema use a later priority than this. */
    public static final int MIGRATED = 100;

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    private volatile boolean migrated;
    private volatile String vendor;

    void migrate(@Observes @Priority(MIGRATED) Startup startup) {
        var result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
                .failOnMissingLocations(false)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now) on " + result.database);
        migrated = true;
    }

    /** Start-up is over: from now on the database's short timeouts apply ({@link JdbcUrlDataSource}). */
    void started(@Observes @Priority(MIGRATED + 1000) Startup startup) {
        JdbcUrlDataSource.started();
        // Payara's own pool figures do not cover a pool the application defines; this one shows its churn
        registry.gauge(Metadata.builder().withName("cms_database_connections_opened")
                .withDescription("Database connections the pool opened since start; it keeps a steady pool when this"
                        + " stays flat").build(), JdbcUrlDataSource::opened);
    }

    /** Which database this is: {@code h2} or {@code postgresql}; also the folder of migrations for it alone. */
    public String vendor() {
        if (vendor == null) {
            try (var connection = dataSource.getConnection()) {
                vendor = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("The database cannot be reached", e);
            }
        }
        return vendor;
    }

    public boolean isMigrated() {
        return migrated;
    }

    public boolean isReachable() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Whether the database answers a connection of its own, made beside the pool: a pool whose
     * connections are all in use, or a statement that outlasted the answer timeout, says nothing
     * of whether the database itself can be reached.
     */
    public boolean answersBesideThePool() {
        var config = ConfigProvider.getConfig(Database.class.getClassLoader());
        JdbcUrlDataSource own = new JdbcUrlDataSource();
        own.setUrl(config.getValue("cms.db.url", String.class));
        own.setUser(config.getOptionalValue("cms.db.user", String.class).orElse(null));
        own.setPassword(config.getOptionalValue("cms.db.password", String.class).orElse(null));
        try (var connection = own.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
