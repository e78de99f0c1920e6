package org.medpub.cms.platform.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * An address with a '%' not followed by two hex digits ({@code /en/articles/%}) never reaches the
 * application: Payara's web container decodes the address first, fails, and logs a SEVERE record
 * with a 2.8 kB stack trace for each such request, so that anyone could fill the log. The record
 * says nothing an operator acts on; it is dropped from the container's logger and the requests are
 * counted instead, one line a minute at most while they come.
 */
@WebListener
public class BrokenEscapes implements ServletContextListener {

    private static final Logger CONTAINER = Logger.getLogger("jakarta.enterprise.web.core");
    private static final Logger LOG = Logger.getLogger(BrokenEscapes.class.getName());
    private static final long SUMMARY_MILLIS = 60_000;
    private static final String ADDRESS_DECODER = "org.glassfish.grizzly.http.util.URLDecoder";

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lastSummary = new AtomicLong();
    private Filter previous;
    private Filter installed;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        previous = CONTAINER.getFilter();
        installed = record -> {
            if (isBrokenEscape(record)) {
                summarize();
                return false;
            }
            return previous == null || previous.isLoggable(record);
        };
        CONTAINER.setFilter(installed);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (CONTAINER.getFilter() == installed) {
            CONTAINER.setFilter(previous);
        }
    }

    /** Whether the record is the container's failure to decode a request's address. */
    static boolean isBrokenEscape(LogRecord record) {
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            if (frames.length > 0 && frames[0].getClassName().equals(ADDRESS_DECODER)) {
                return true;
            }
        }
        return false;
    }

    private void summarize() {
        long count = dropped.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastSummary.get();
        if (now - last >= SUMMARY_MILLIS && lastSummary.compareAndSet(last, now)) {
            LOG.info(() -> count + " requests so far had a '%' without two hex digits in their address;"
                    + " the container answered them without the application");
        }
    }
}
