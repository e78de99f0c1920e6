package org.medpub.cms.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one clock of the application, so that every timestamp is UTC and tests can reason about
 * time. It ticks in microseconds, the precision both databases keep: a time an answer shows
 * while the entity is still in memory is the time stored, and the time shown after a restart or
 * a move to another database.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock utc() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
