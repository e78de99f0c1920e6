package org.medpub.cms.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the application knows about the database being unreachable. A request that fails because
 * of it is answered 503 with {@code Retry-After} (by the API's problem mapper, the sign-in and the
 * page filter), and reports the failure here, so that an outage is logged as one warning when it
 * starts, at most one line every {@code cms.db.outage-log-seconds} while it lasts and one line when
 * it ends, never a stack trace per request. While it lasts no connection is tried but that of a
 * probe that asks the database every second whether it is back, so requests fail at once.
 * <p>
 * A failure is taken for an outage only once a connection of its own, made beside the pool, gets
 * no answer either: a statement that outlasted {@code cms.db.timeout-seconds} (a lock waited for,
 * a slow query) or a pool with every connection in use fails its request, but must not answer
 * every other request 503 while the database answers. Until that connection answers, requests
 * fail at once.
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());
    /** PostgreSQL's SQLSTATE of a statement its server gave up after {@code cms.db.timeout-seconds}. */
    private static final String STATEMENT_TIMED_OUT = "57014";
    /** Exceptions of the container's pool that say no connection could be had; named, as they are not the application's API. */
    private static final Set<String> POOL_FAILURES = Set.of(
            "com.sun.appserv.connectors.internal.api.PoolingException",
            "com.sun.enterprise.resource.pool.PoolingException",
            "jakarta.resource.spi.ResourceAllocationException",
            "jakarta.resource.ResourceException");

    /**
     * The connection pool's and the transaction manager's loggers: they warn of every connection
     * that could not be made, three lines each, and log a stack trace for each broken connection
     * they close or commit they could not make. While an outage lasts or is being confirmed their
     * records are dropped, and so are, at any time, those that carry an exception saying the
     * database cannot be reached or a connection is closed, and the transaction manager's repetition
     * of a failure the pool has logged already.
     */
    private static final java.util.List<String> POOL_LOGGERS = java.util.List.of(
            "javax.enterprise.resource.jta.com.sun.enterprise.transaction",
            "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource",
            "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.allocator",
            "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.pool",
            "javax.enterprise.resource.resourceadapter.com.sun.enterprise.connectors",
            "javax.enterprise.resource.resourceadapter.com.sun.gjc.spi",
            "javax.enterprise.resource.resourceadapter.com.sun.gjc.spi.jdbc40");
    /** Held here: a logger nobody references may be collected, and its filter with it. */
    private final java.util.List<Logger> poolLoggers = POOL_LOGGERS.stream().map(Logger::getLogger).toList();

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Database database;

    @Inject
    @ConfigProperty(name = "cms.db.outage-log-seconds")
    long logSeconds;

    @Inject
    @ConfigProperty(name = "cms.db.retry-after-seconds")
    int retryAfterSeconds;

    private final AtomicLong failedRequests = new AtomicLong();
    private volatile long downSince;
    private volatile long lastLogged;
    private volatile boolean confirming;
    private long lastAnswered;
    private ScheduledFuture<?> probing;

    void quietPool(@Observes Startup startup) {
        poolLoggers.forEach(logger -> logger.setFilter(record -> !isDown() && !confirming && !isOutageNoise(record.getThrown())));
    }

    private static boolean isOutageNoise(Throwable thrown) {
        return thrown != null && (isCause(thrown) || thrown instanceof java.sql.SQLClientInfoException
                || isConnectorFailureRepeated(thrown));
    }

    /**
     * The pool's XA resource logs a failed commit or rollback with its cause (a closed connection
     * during an outage is noise by the rule above, anything else is logged), then throws an
     * {@code XAException} made of that cause's text alone, which the transaction manager logs
     * again with a stack trace: that second record says nothing new.
     */
    private static boolean isConnectorFailureRepeated(Throwable thrown) {
        StackTraceElement[] stack = thrown.getStackTrace();
        return thrown instanceof javax.transaction.xa.XAException && thrown.getCause() == null && stack.length > 0
                && stack[0].getClassName().equals("com.sun.enterprise.resource.ConnectorXAResource");
    }

    /** Whether this failure, or any of its causes, says that the database cannot be reached. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || POOL_FAILURES.contains(cause.getClass().getName())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals(STATEMENT_TIMED_OUT))) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().startsWith("Error in allocating a connection")) {
                return true;
            }
        }
        return false;
    }

    /** Seconds after which a caller may try again. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * A request or a background task failed because the database could not be reached; unless an
     * outage is known already, a connection beside the pool is tried (in the background, so that
     * the failed request is answered at once) to tell an outage from a slow statement or a busy pool.
     */
    public void failed(Throwable failure) {
        failedRequests.incrementAndGet();
        synchronized (this) {
            if (downSince != 0) {
                long now = System.nanoTime();
                if (now - lastLogged >= TimeUnit.SECONDS.toNanos(logSeconds)) {
                    lastLogged = now;
                    LOG.warning(() -> "The database is still unreachable after " + seconds(now - downSince) + " s ("
                            + rootCause(failure) + "); " + failedRequests.get() + " failures so far");
                }
                return;
            }
            if (confirming) {
                return;
            }
            confirming = true;
            // meanwhile requests fail at once, as in an outage: a healthy database answers the
            // confirmation within milliseconds, while waiting out the timeouts would hold every request
            JdbcUrlDataSource.unreachable(true);
        }
        executor.execute(() -> confirm(failure));
    }

    private void confirm(Throwable failure) {
        boolean answers = JdbcUrlDataSource.probe(database::answersBesideThePool);
        synchronized (this) {
            if (!answers) {
                down(failure);
                confirming = false;
                return;
            }
            confirming = false;
            JdbcUrlDataSource.unreachable(false);
            long now = System.nanoTime();
            long failures = failedRequests.getAndSet(0);
            if (lastAnswered == 0 || now - lastAnswered >= TimeUnit.SECONDS.toNanos(logSeconds)) {
                lastAnswered = now;
                LOG.warning(() -> failures + " requests or tasks failed on the database (" + rootCause(failure)
                        + "), but it answers: a statement outlasted cms.db.timeout-seconds or every pooled connection"
                        + " was in use; this is logged at most every " + logSeconds + " s");
            }
        }
    }

    private void down(Throwable failure) {
        long now = System.nanoTime();
        downSince = now;
        lastLogged = now;
        LOG.warning(() -> "The database cannot be reached (" + rootCause(failure)
                + "); requests that need it are answered 503 until it is back, and this is logged at most every "
                + logSeconds + " s meanwhile");
        probing = executor.scheduleWithFixedDelay(this::probe, 1, 1, TimeUnit.SECONDS);
    }

    public boolean isDown() {
        return downSince != 0;
    }

    private void probe() {
        if (JdbcUrlDataSource.probe(database::isReachable)) {
            back();
        }
    }

    private synchronized void back() {
        if (downSince == 0) {
            return;
        }
        long lasted = System.nanoTime() - downSince;
        long failures = failedRequests.getAndSet(0);
        downSince = 0;
        JdbcUrlDataSource.unreachable(false);
        if (probing != null) {
            probing.cancel(false);
            probing = null;
        }
        LOG.info(() -> "The database is reachable again after " + seconds(lasted) + " s; " + failures
                + " requests or tasks failed meanwhile");
    }

    @PreDestroy
    synchronized void stop() {
        JdbcUrlDataSource.unreachable(false);
        poolLoggers.forEach(logger -> logger.setFilter(null));
        if (probing != null) {
            probing.cancel(false);
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
