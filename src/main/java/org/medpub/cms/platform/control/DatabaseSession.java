package org.medpub.cms.platform.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink's handling of a database that cannot be reached (issue 10, item 5). By default it
 * checks the connection, waits 5 s and tries the query again, up to 3 times, so a request on an
 * unreachable database waited about 20 s; here a failed query fails its request at once (the
 * container's pool validates connections and drops all of them after a failure, so the next
 * request gets a fresh one). And it logged each such failure with its stack trace; here they are
 * left to {@link DatabaseOutage}, which logs an outage in a few lines. Every statement is counted
 * for {@link StatementCount}.
 */
public class DatabaseSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setConnectionHealthValidatedOnError(false);
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
        session.setSessionLog(new QuietDuringOutages(session.getSessionLog()));
        session.getEventManager().addListener(new StatementCount.Listener());
    }

    /** EclipseLink's own log, less the entries about a database that cannot be reached. */
    static final class QuietDuringOutages extends AbstractSessionLog {
        private final SessionLog log;

        QuietDuringOutages(SessionLog log) {
            this.log = log;
            setLevel(log.getLevel());
        }

        @Override
        public void log(SessionLogEntry entry) {
            if (entry.getException() == null || !DatabaseOutage.isCause(entry.getException())) {
                log.log(entry);
            }
        }

        @Override
        public boolean shouldLog(int level, String category) {
            return log.shouldLog(level, category);
        }

        @Override
        public int getLevel(String category) {
            return log.getLevel(category);
        }
    }
}
