package org.medpub.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.control.BusinessException;

/**
 * When a publication may be scheduled for: from a little before now (a caller's clock may be
 * slightly behind; such a time means now) to {@code cms.schedule.horizon} ahead, and never past
 * the year 9999, which every database's timestamp column holds. A time outside that is refused
 * with a 400 naming the field, before anything changes: unchecked, {@code +999999999-12-31}
 * overflowed the column into a date in the past, and the article went out at once.
 */
@ApplicationScoped
public class PublicationWindow {

    /** The last instant a timestamp column of H2 and PostgreSQL alike holds, and Java writes without a sign. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cms.schedule.horizon")
    String horizon;

    @Inject
    @ConfigProperty(name = "cms.schedule.past-tolerance")
    String pastTolerance;

    PublicationWindow() {
    }

    PublicationWindow(Clock clock, String horizon, String pastTolerance) {
        this.clock = clock;
        this.horizon = horizon;
        this.pastTolerance = pastTolerance;
    }

    /** Refuses a time outside the window, naming {@code field}; null (no time given) passes. */
    public void check(String field, Instant at) {
        if (at == null) {
            return;
        }
        Instant now = clock.instant();
        Instant earliest = now.minus(Duration.parse(pastTolerance));
        Instant latest = latest(now);
        if (at.isBefore(earliest) || at.isAfter(latest)) {
            throw new BusinessException.InvalidInput(new BusinessException.FieldError(field, "Give a time between "
                    + earliest + " and " + latest + " (at most " + horizon + " ahead)")
                    .worded("refusal.publishAt.outside", Map.of("earliest", earliest, "latest", latest)));
        }
    }

    private Instant latest(Instant now) {
        try {
            Instant ahead = now.atOffset(ZoneOffset.UTC).plus(Period.parse(horizon)).toInstant();
            return ahead.isAfter(LATEST) ? LATEST : ahead;
        } catch (ArithmeticException | DateTimeException beyondAnyCalendar) {
            return LATEST;
        }
    }
}
