package org.medpub.cms.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.TriggerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreviewLinkKeyTest {

    private static final JdbcDataSource database = new JdbcDataSource();

    @BeforeEach
    void emptyAppSettingTable() throws SQLException {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("create table app_setting (name varchar(100) primary key, setting_value varchar(1000) not null)");
        }
    }

    @Test
    void theFirstInstanceStoresItsKey() throws SQLException {
        assertEquals("first", PreviewLinkKey.storedOrInserted(database, "first"));
        assertEquals("first", PreviewLinkKey.storedOrInserted(database, "second"));
    }

    @Test
    void anInstanceThatLosesTheRaceToInsertReadsTheWinnersKey() throws SQLException {
        // the winner's row appears between the loser's read and its insert
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("create trigger winner_first before insert on app_setting for each row call \""
                    + WinnerInsertsFirst.class.getName() + "\"");
        }
        assertEquals("winner", PreviewLinkKey.storedOrInserted(database, "loser"));
    }

    @Test
    void aConfiguredKeyMustBeBase64OfAtLeast32Bytes() {
        byte[] good = new byte[32];
        assertEquals(32, PreviewLinkKey.decodeConfigured(" " + Base64.getEncoder().encodeToString(good) + "\n").length);
        assertThrows(IllegalStateException.class, () -> PreviewLinkKey.decodeConfigured(Base64.getEncoder().encodeToString(new byte[31])));
        assertThrows(IllegalStateException.class, () -> PreviewLinkKey.decodeConfigured("not base64!"));
    }

    /** Plays the other instance: on a connection of its own, stores its key just before the loser's insert. */
    public static class WinnerInsertsFirst extends TriggerAdapter {
        @Override
        public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
            if (!"winner".equals(newRow.getString("setting_value"))) {
                try (var other = database.getConnection();
                     var insert = other.prepareStatement("insert into app_setting (name, setting_value) values (?, 'winner')")) {
                    insert.setString(1, PreviewLinkKey.SETTING);
                    insert.executeUpdate();
                }
            }
        }
    }
}
