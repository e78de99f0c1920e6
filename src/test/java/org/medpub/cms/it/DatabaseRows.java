package org.medpub.cms.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Reads the suite's database directly, to check what a request really stored. */
public final class DatabaseRows {

    private DatabaseRows() {
    }

    public static long count(String sql, Object... parameters) {
        return Long.parseLong(text(sql, parameters));
    }

    /** The first column of the first row, as text. */
    public static String text(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(System.getProperty("cms.it.db.url"),
                System.getProperty("cms.it.db.user"), System.getProperty("cms.it.db.password"));
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("No row for " + sql);
                }
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
