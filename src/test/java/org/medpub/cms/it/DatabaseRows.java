package org.medpub.cms.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Reads the suite's database directly, to check what a request really stored. */
public final class DatabaseRows {

    private DatabaseRows() {
    }

    /** Runs a change as the application's database user would; the caller sees the database's refusal. */
    public static int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("cms.it.db.url"), System.getProperty("cms.it.db.user"),
                System.getProperty("cms.it.db.password"));
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
