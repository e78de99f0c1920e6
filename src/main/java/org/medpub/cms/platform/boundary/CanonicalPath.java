package org.medpub.cms.platform.boundary;

/**
 * Whether a request's path, as the client sent it, is written the one way the application's
 * addresses are written. The container decodes and normalizes a path before it picks the servlet
 * and the security constraint, but the sign-in decides from the path as sent: {@code /%61dmin/},
 * {@code //admin/}, {@code /x/../admin/} or {@code /admin;x=1/} reached the editorial UI while
 * being signed in with HTTP Basic, which is meant for everything but {@code /admin}. Such a path is
 * refused before any sign-in, so that whatever is decided from the path sees what the container
 * serves.
 */
public final class CanonicalPath {

    private static final String UNRESERVED_MARKS = "-._~";
    /** Areas of the application; a path naming one in other letter cases is not theirs. */
    private static final String[] AREAS = {"admin", "api", "metrics", "preview"};

    private CanonicalPath() {
    }

    /**
     * True for a path (the request URI without the query) that starts with a slash and has no empty,
     * {@code .} or {@code ..} segment, no path parameter ({@code ;}), no backslash, no
     * percent-encoded slash, backslash or character that needs no encoding (a letter, a digit,
     * {@code -._~}), and no area's name in other letter cases. A malformed percent-encoding decodes
     * to nothing and is left to the page it reaches.
     */
    public static boolean isCanonical(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        int segmentStart = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (!isCanonicalSegment(path.substring(segmentStart, i), segmentStart == 1, i == path.length())) {
                    return false;
                }
                segmentStart = i + 1;
            }
        }
        return true;
    }

    private static boolean isCanonicalSegment(String segment, boolean first, boolean last) {
        if (segment.isEmpty()) {
            // only the trailing slash of a folder (/, /en/, /admin/) leaves an empty segment
            return last;
        }
        if (segment.equals(".") || segment.equals("..")) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == ';' || c == '\\') {
                return false;
            }
            if (c == '%' && i + 2 < segment.length()) {
                int high = Character.digit(segment.charAt(i + 1), 16);
                int low = Character.digit(segment.charAt(i + 2), 16);
                char decoded = (char) (high * 16 + low);
                if (high >= 0 && low >= 0 && (decoded == '/' || decoded == '\\' || isUnreserved(decoded))) {
                    return false;
                }
            }
        }
        return !first || !isAreaInOtherCase(segment);
    }

    private static boolean isUnreserved(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || UNRESERVED_MARKS.indexOf(c) >= 0);
    }

    private static boolean isAreaInOtherCase(String segment) {
        for (String area : AREAS) {
            if (segment.equalsIgnoreCase(area) && !segment.equals(area)) {
                return true;
            }
        }
        return false;
    }
}
