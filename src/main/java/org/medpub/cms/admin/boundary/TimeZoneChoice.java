package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Optional;
import java.util.stream.Stream;
import org.medpub.cms.platform.control.UserDirectory;

/**
 * The time zone the user sees and enters times in: the one chosen on their account page, else the
 * browser's (a few lines of script in the layout keep its IANA name in the cookie
 * {@value #COOKIE}), else UTC. Times are stored in UTC whatever the zone.
 */
@Named
@RequestScoped
public class TimeZoneChoice {

    static final String COOKIE = "cms-zone";

    @Inject
    HttpServletRequest request;

    @Inject
    UiLanguage language;

    @Inject
    UserDirectory users;

    private ZoneId zone;

    /** The zone that applies to this user now; the one place that decides it. */
    public ZoneId zone() {
        if (zone == null) {
            zone = chosenZone().or(this::browserZone).orElse(ZoneOffset.UTC);
        }
        return zone;
    }

    /** The zone's name in the user's language, for a label: "Central European Time", or "UTC". */
    public String getName() {
        ZoneId shown = zone();
        return shown.equals(ZoneOffset.UTC) ? "UTC"
                : shown.getDisplayName(TextStyle.FULL, language.getLocale()) + " (" + shown.getId() + ")";
    }

    /** A time as a {@code datetime-local} field shows it, in the user's zone, to the minute. */
    public String local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone()).withSecond(0).withNano(0).toString();
    }

    /** What a {@code datetime-local} field sent, read in the user's zone; empty when it is no date and time. */
    public Optional<Instant> instant(String local) {
        try {
            return local == null || local.isBlank() ? Optional.empty()
                    : Optional.of(LocalDateTime.parse(local.strip()).atZone(zone()).toInstant());
        } catch (DateTimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The zone the signed-in user chose on their account page, if any. */
    private Optional<ZoneId> chosenZone() {
        Principal caller = request.getUserPrincipal();
        return caller == null ? Optional.empty() : users.preferencesOf(caller.getName()).timeZone();
    }

    private Optional<ZoneId> browserZone() {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Stream.of(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(cookie -> zone(cookie.getValue()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<ZoneId> zone(String name) {
        try {
            return Optional.of(ZoneId.of(URLDecoder.decode(name, StandardCharsets.UTF_8)));
        } catch (DateTimeException | IllegalArgumentException notAZone) {
            return Optional.empty();
        }
    }
}
