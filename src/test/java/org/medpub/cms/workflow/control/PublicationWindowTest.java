package org.medpub.cms.workflow.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.medpub.cms.platform.control.BusinessException;

class PublicationWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private final PublicationWindow window = new PublicationWindow(Clock.fixed(NOW, ZoneOffset.UTC), "P10Y", "PT5M");

    @Test
    void item3_theFarFutureIsRefusedNamingTheField() {
        Instant farFuture = OffsetDateTime.parse("+999999999-12-31T23:59:59Z").toInstant();
        var refused = assertThrows(BusinessException.InvalidInput.class, () -> window.check("publishAt", farFuture));
        assertEquals("publishAt", refused.errors().get(0).field());
        assertThrows(BusinessException.InvalidInput.class, () -> window.check("publishAt", Instant.parse("2036-12-02T09:00:01Z")));
    }

    @Test
    void item3_theLongPastIsRefusedAndAClockSlightlyBehindIsNot() {
        assertThrows(BusinessException.InvalidInput.class, () -> window.check("publishAt", Instant.parse("2026-12-02T08:54:59Z")));
        assertThrows(BusinessException.InvalidInput.class, () -> window.check("publishAt", Instant.MIN));
        assertDoesNotThrow(() -> window.check("publishAt", Instant.parse("2026-12-02T08:56:00Z")));
    }

    @Test
    void aTimeWithinTheHorizonOrNoneAtAllPasses() {
        assertDoesNotThrow(() -> window.check("publishAt", Instant.parse("2036-12-02T09:00:00Z")));
        assertDoesNotThrow(() -> window.check("publishAt", null));
    }

    @Test
    void aHorizonBeyondWhatTheDatabaseHoldsStopsAtTheYear9999() {
        var generous = new PublicationWindow(Clock.fixed(NOW, ZoneOffset.UTC), "P100000Y", "PT5M");
        assertDoesNotThrow(() -> generous.check("publishAt", Instant.parse("9999-12-31T23:59:59Z")));
        assertThrows(BusinessException.InvalidInput.class, () -> generous.check("publishAt", Instant.parse("+10000-01-01T00:00:00Z")));
    }
}
