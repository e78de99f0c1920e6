package org.medpub.cms.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A data source defined by nothing but a JDBC URL, user and password, so that one setting
 * ({@code cms.db.url}) switches between the embedded H2 default and PostgreSQL without naming a
 * driver class. The container pools its connections; this class only opens them.
 * <p>
 * The drivers ship inside the WAR, where {@link java.sql.DriverManager} does not see them, so the
 * driver that accepts the URL is found through the WAR's own service loader.
 * <p>
 * An H2 URL gets {@code WRITE_DELAY=0} unless it names a delay itself: H2 otherwise writes a
 * commit up to 500 ms after acknowledging it, so a saved revision could be lost by a crash after
 * its 200 and its number handed out again (issue 10, item 1).
 */
public class JdbcUrlDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    /**
     * How long connecting, signing in, waiting for any answer of a PostgreSQL server and the server's
     * work on one statement may take ({@code cms.db.timeout-seconds}), unless the URL names its own: a database host that is gone
     * then fails a request within seconds instead of holding it for minutes (issue 10, item 5).
     * Read from the application's configuration here: the container resolves no configuration
     * in a data source's properties. Until the application has started ({@link #started()}) the
     * timeouts are {@link #STARTUP_TIMEOUT_SECONDS}: a busy machine's start-up must not fail on them.
     */
    private Integer timeoutSeconds;
    static final int STARTUP_TIMEOUT_SECONDS = 30;
    private static volatile boolean started;
    private static volatile int startedTimeoutSeconds;
    /**
     * While {@link DatabaseOutage} knows the database to be unreachable, no connection is tried
     * but its probe's: a request then fails at once instead of waiting out the timeouts again.
     */
    private static volatile boolean unreachable;
    private static final ThreadLocal<Boolean> PROBING = ThreadLocal.withInitial(() -> false);
    /** Connections opened for the pool since start: a pool that keeps replacing them shows here ({@code /metrics}). */
    private static final java.util.concurrent.atomic.LongAdder OPENED = new java.util.concurrent.atomic.LongAdder();
    /** Connections made with the start-up timeouts; they get the short ones once started. */
    private static final Set<Connection> MADE_AT_STARTUP = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public void setUrl(String url) {
        this.url = durable(url);
    }

    public void setURL(String url) {
        setUrl(url);
    }

    /** The URL, for H2 with commits written before they are acknowledged. */
    static String durable(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())
                || url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        if (unreachable && !PROBING.get()) {
            throw new SQLTransientConnectionException("The database is unreachable; it is asked every second whether it is back", "08001");
        }
        Properties properties = new Properties();
        if (username != null && !username.isBlank()) {
            properties.setProperty("user", username);
        }
        if (secret != null && !secret.isBlank()) {
            properties.setProperty("password", secret);
        }
        boolean timed = url.startsWith("jdbc:postgresql:") && !url.contains("socketTimeout=") && timeoutSeconds() > 0;
        if (timed) {
            startedTimeoutSeconds = timeoutSeconds;
            String seconds = Integer.toString(started ? timeoutSeconds : STARTUP_TIMEOUT_SECONDS);
            for (String timeout : new String[] {"connectTimeout", "loginTimeout", "socketTimeout"}) {
                if (!url.contains(timeout + "=")) {
                    properties.setProperty(timeout, seconds);
                }
            }
            if (!url.contains("options=")) {
                // the server gives up too: a statement whose answer the client stopped waiting for
                // (a lock waited on, a costly search) must not go on holding a backend and its locks
                properties.setProperty("options", "-c statement_timeout=" + statementTimeoutMillis(Integer.parseInt(seconds)) + "ms");
            }
        }
        if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts=")) {
            // a batch of inserts (a revision's topics, a batch import) as one multi-row statement, not a round trip each
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        Connection connection = driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("No driver opened " + url);
        }
        if (timed && !started) {
            MADE_AT_STARTUP.add(connection);
        }
        if (!PROBING.get()) {
            OPENED.increment();
        }
        return connection;
    }

    /**
     * The server gives a statement up a little before the driver stops waiting for its answer: the
     * server's cancel leaves the connection whole, where the driver's timeout closes its socket.
     */
    static long statementTimeoutMillis(int seconds) {
        return Math.max(100, seconds * 1000L - 250);
    }

    private int timeoutSeconds() {
        if (timeoutSeconds == null) {
            timeoutSeconds = ConfigProvider.getConfig(JdbcUrlDataSource.class.getClassLoader())
                    .getValue("cms.db.timeout-seconds", Integer.class);
        }
        return timeoutSeconds;
    }

    static long opened() {
        return OPENED.sum();
    }

    static void unreachable(boolean outage) {
        unreachable = outage;
    }

    /** Asks through the pool whether the database answers, making a connection even during an outage. */
    static boolean probe(java.util.function.BooleanSupplier question) {
        PROBING.set(true);
        try {
            return question.getAsBoolean();
        } finally {
            PROBING.remove();
        }
    }

    /** The application has started: connections made from now on, and those made before, get the short timeouts. */
    static void started() {
        started = true;
        synchronized (MADE_AT_STARTUP) {
            for (Connection connection : MADE_AT_STARTUP) {
                try {
                    if (!connection.isClosed()) {
                        connection.setNetworkTimeout(Runnable::run, startedTimeoutSeconds * 1000);
                        try (var statement = connection.createStatement()) {
                            statement.execute("set statement_timeout = '" + statementTimeoutMillis(startedTimeoutSeconds) + "ms'");
                        }
                    }
                } catch (SQLException e) {
                    // a connection that cannot take it is broken, and the pool will drop it
                }
            }
            MADE_AT_STARTUP.clear();
        }
    }

    private Driver driver() throws SQLException {
        for (Driver candidate : ServiceLoader.load(Driver.class, JdbcUrlDataSource.class.getClassLoader())) {
            if (candidate.acceptsURL(url)) {
                return candidate;
            }
        }
        throw new SQLException("No JDBC driver in the application accepts the URL " + url);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // connections are logged by the container's pool
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
