package org.medpub.cms.platform.control;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * How many SQL statements the current thread sent to the database while it was counting: what a
 * page or list costs in round trips, which must stay bounded however many rows there are. Counted
 * by EclipseLink for every call it executes (queries, native queries, writes), on the thread that
 * runs the request.
 */
public final class StatementCount {

    private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();

    private StatementCount() {
    }

    /** Starts counting on this thread; {@link #stop} answers the count. */
    public static void start() {
        COUNTING.set(new int[1]);
    }

    /** The statements since {@link #start}, and counting ends; -1 when this thread was not counting. */
    public static int stop() {
        int[] count = COUNTING.get();
        COUNTING.remove();
        return count == null ? -1 : count[0];
    }

    /** EclipseLink's side: one call, one statement. */
    static final class Listener extends SessionEventAdapter {
        @Override
        public void postExecuteCall(SessionEvent event) {
            int[] count = COUNTING.get();
            if (count != null) {
                count[0]++;
            }
        }
    }
}
