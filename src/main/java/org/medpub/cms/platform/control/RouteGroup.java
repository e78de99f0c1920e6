package org.medpub.cms.platform.control;

import java.util.Locale;

/**
 * The parts of the product whose requests are counted and timed apart at {@code /metrics}: readers'
 * pages, the site search (its own group: it asks the database when the page is not cached), the API,
 * the editorial UI, and the operations addresses that scrapers and probes call.
 */
public enum RouteGroup {
    READER,
    SEARCH,
    API,
    ADMIN,
    OPERATIONS;

    /** The group's name as a metric's tag: {@code reader}, {@code search}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The group of a path below the context root. */
    public static RouteGroup of(String path) {
        if (isUnder(path, "/api")) {
            return API;
        }
        if (isUnder(path, "/admin") || isUnder(path, "/jakarta.faces.resource")) {
            return ADMIN;
        }
        if (isUnder(path, "/metrics") || isUnder(path, "/health") || isUnder(path, "/openapi")) {
            return OPERATIONS;
        }
        // /{locale}/search: the only reader address whose second segment is "search"
        int second = path.indexOf('/', 1);
        return second > 1 && path.startsWith("/search", second) && path.length() == second + "/search".length()
                ? SEARCH : READER;
    }

    private static boolean isUnder(String path, String area) {
        return path.startsWith(area) && (path.length() == area.length() || path.charAt(area.length()) == '/');
    }
}
