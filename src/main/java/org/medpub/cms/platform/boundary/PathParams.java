package org.medpub.cms.platform.boundary;

import java.util.Optional;

/**
 * Reads numbers from URL paths the way readers of a 404 expect: anything that is not a number
 * this API could have given out ({@code 123abc}, {@code -1}, a number too large) names nothing.
 */
public final class PathParams {

    private PathParams() {
    }

    public static Optional<Long> id(String text) {
        try {
            long value = Long.parseLong(text);
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
