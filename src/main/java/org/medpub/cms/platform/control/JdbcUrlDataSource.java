package org.medpub.cms.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

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
        Properties properties = new Properties();
        if (username != null && !username.isBlank()) {
            properties.setProperty("user", username);
        }
        if (secret != null && !secret.isBlank()) {
            properties.setProperty("password", secret);
        }
        Connection connection = driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("No driver opened " + url);
        }
        return connection;
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
