package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The zones a user chooses from: places and UTC, none of the JDK's aliases. */
class TimeZonesTest {

    @Test
    void placesAndUtcAreOfferedAliasesAreNot() {
        assertTrue(TimeZones.isKnown("Europe/Berlin"));
        assertTrue(TimeZones.isKnown("America/Argentina/Buenos_Aires"));
        assertTrue(TimeZones.isKnown("UTC"));
        assertFalse(TimeZones.isKnown("SystemV/EST5"));
        assertFalse(TimeZones.isKnown("US/Pacific"));
        assertFalse(TimeZones.isKnown("Etc/GMT+1"));
        assertFalse(TimeZones.isKnown("Mars/Olympus_Mons"));
        assertTrue(TimeZones.all().size() > 300, "every place zone of the JDK: " + TimeZones.all().size());
    }
}
