package org.medpub.cms.platform.control;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The time zones a user may choose: the IANA zones named after a place ({@code Europe/Berlin}),
 * and UTC; the JDK's old aliases ({@code SystemV/…}, {@code Etc/GMT+1}, {@code US/Pacific}) are
 * left out, as a person looks for the city they live near.
 */
public final class TimeZones {

    private static final Set<String> REGIONS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");
    private static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.equals("UTC") || (id.contains("/") && REGIONS.contains(id.substring(0, id.indexOf('/')))))
            .sorted()
            .toList();

    private TimeZones() {
    }

    public static List<String> all() {
        return ALL;
    }

    public static boolean isKnown(String id) {
        return ALL.contains(id);
    }
}
