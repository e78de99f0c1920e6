package org.medpub.cms.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the suite's database directly, to check what a request really stored, and sets up what no request can. */
public final class DatabaseRows {

    private DatabaseRows() {
    }

    /** Runs a change as the application's database user would; the caller sees the database's refusal. */
    public static int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); var statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("cms.it.db.url"), System.getProperty("cms.it.db.user"),
                System.getProperty("cms.it.db.password"));
    }

    public static long count(String sql, Object... parameters) {
        return Long.parseLong(text(sql, parameters));
    }

    /** The first column of the first row, as text. */
    public static String text(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = prepare(connection, sql, parameters);
             var rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new AssertionError("No row for " + sql);
            }
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first row that the query finds, column by column; an assertion error when it finds none. */
    public static Map<String, Object> row(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = prepare(connection, sql, parameters);
             var rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new AssertionError("No row for " + sql);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            var columns = rows.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                row.put(columns.getColumnLabel(i).toLowerCase(), rows.getObject(i));
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... parameters) {
        try {
            return execute(sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        var statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
