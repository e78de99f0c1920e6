package org.medpub.cms.platform.boundary;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the sessions that are open: only a sign-in starts one (the sign-in page and the reader
 * site never do), and the sign-in refuses a new one beyond {@code cms.admin.max-sessions}, so that
 * the memory the sessions hold has a bound. In a cluster the count is this instance's: a session
 * started on another instance and ended here (its instance gone) was never counted here, so the
 * count does not fall below zero.
 */
@WebListener
public class EditorialSessions implements HttpSessionListener {

    private static final AtomicInteger OPEN = new AtomicInteger();

    public static int open() {
        return OPEN.get();
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        OPEN.incrementAndGet();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        OPEN.updateAndGet(open -> Math.max(0, open - 1));
    }
}
