package org.medpub.cms.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medpub.cms.notification.entity.Notification;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void eachFailureDoublesTheWait() {
        assertEquals(Duration.ofSeconds(60), backoff.delayAfter(1));
        assertEquals(Duration.ofSeconds(120), backoff.delayAfter(2));
        assertEquals(Duration.ofSeconds(240), backoff.delayAfter(3));
        assertEquals(Duration.ofSeconds(1920), backoff.delayAfter(6));
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        assertEquals(Duration.ofHours(1), backoff.delayAfter(7), "3840 s would be longer than the hour");
        assertEquals(Duration.ofHours(1), backoff.delayAfter(40));
        assertEquals(Duration.ofHours(1), backoff.delayAfter(Integer.MAX_VALUE), "no overflow however long it fails");
    }

    @Test
    void noFailureYetWaitsTheBase() {
        assertEquals(Duration.ofSeconds(30), backoff.delayAfter(0));
    }

    @Test
    void aFailedTryIsCountedAndPutsTheNextOneOff() {
        Instant created = Instant.parse("2026-11-22T08:00:00Z");
        var notification = new Notification("reviewer@demo.invalid", "Review requested: x (en)", "body", null, created);
        assertEquals(true, notification.isDueAt(created));

        Instant failedAt = created.plusSeconds(1);
        notification.markFailed(failedAt, "MailConnectException: Couldn't connect to host", backoff::delayAfter);
        assertEquals(false, notification.isDueAt(failedAt.plusSeconds(59)));
        assertEquals(true, notification.isDueAt(failedAt.plusSeconds(60)));

        Instant again = failedAt.plusSeconds(60);
        notification.markFailed(again, "again", backoff::delayAfter);
        assertEquals(false, notification.isDueAt(again.plusSeconds(119)), "the second failure waits twice as long");
        assertEquals(true, notification.isDueAt(again.plusSeconds(120)));

        notification.markSent(again.plusSeconds(120));
        assertEquals(false, notification.isDueAt(again.plusSeconds(1000)), "a sent notification is never due again");
    }
}
