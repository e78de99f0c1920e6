package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which records of the pool's and the transaction manager's loggers reach the log while the database answers. */
class DatabaseOutageTest {

    private final DatabaseOutage outage = new DatabaseOutage();
    private final Logger transactions = Logger.getLogger("javax.enterprise.resource.jta.com.sun.enterprise.transaction");

    @AfterEach
    void stop() {
        outage.stop();
    }

    @Test
    void theTransactionManagersRepetitionOfAFailedRollbackIsDropped() {
        outage.quietPool(null);
        // as the pool's XA resource makes it: the cause's text alone, thrown from the resource
        XAException repeated = new XAException("jakarta.resource.spi.LocalTransactionException: This connection has been closed.");
        repeated.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.sun.enterprise.resource.ConnectorXAResource", "handleResourceException", "ConnectorXAResource.java", 117),
                new StackTraceElement("com.sun.enterprise.resource.ConnectorXAResource", "rollback", "ConnectorXAResource.java", 217)});
        assertFalse(transactions.getFilter().isLoggable(record(repeated)));
    }

    @Test
    void aLostConnectionIsDroppedAndAnyOtherFailureIsLogged() {
        outage.quietPool(null);
        assertFalse(transactions.getFilter().isLoggable(record(new SQLException("This connection has been closed.", "08003"))));
        assertTrue(transactions.getFilter().isLoggable(record(new IllegalStateException("a heuristic outcome"))));
        assertTrue(transactions.getFilter().isLoggable(record(new XAException("an XA resource of another kind"))));
    }

    private static LogRecord record(Throwable thrown) {
        LogRecord record = new LogRecord(Level.WARNING, "DTX5007:Exception :");
        record.setThrown(thrown);
        return record;
    }
}
