package org.medpub.cms.platform.control;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of the request this thread is answering, so that every log record of one request can be
 * found together and matched with what the caller saw ({@code X-Request-Id}). A proxy's or caller's id
 * is kept when it is sane (at most 64 letters, digits, {@code . _ : -}), otherwise one is made: an id
 * goes into log records and response headers, so it must carry nothing else.
 */
public final class RequestId {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestId() {
    }

    /** The caller's id when it is sane, else a new one (16 random bytes in hex). */
    public static String of(String incoming) {
        if (incoming != null && SANE.matcher(incoming).matches()) {
            return incoming;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Marks the thread as answering this request until {@link #end()}. */
    public static void begin(String id) {
        CURRENT.set(id);
    }

    public static void end() {
        CURRENT.remove();
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
