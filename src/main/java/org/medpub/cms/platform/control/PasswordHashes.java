package org.medpub.cms.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Passwords are kept as PBKDF2-HMAC-SHA256 hashes at OWASP's current cost, 600 000 iterations,
 * from the JDK alone. A hash carries its own cost, in the form Jakarta Security's
 * {@code Pbkdf2PasswordHash} writes ({@code PBKDF2WithHmacSHA256:iterations:salt:key}, Base64), so
 * that hashes made at an older, lower cost still verify; the sign-in replaces them (see
 * {@link #isCurrent}).
 * <p>
 * Verifying costs the same whatever the account: a hash below the current cost is topped up with
 * iterations on a dummy, and a name without an account is verified against a dummy hash, so that
 * the time of an answer tells nothing about which accounts exist. A hash costs about a third of a
 * second of one core, so at most one is computed per core at a time ({@link #withPermit}); a
 * caller that waits longer than {@code cms.security.hash-wait-millis} is turned away, so that a
 * flood of sign-ins cannot take every core and thread of the server.
 */
@ApplicationScoped
public class PasswordHashes {

    /** OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;

    /** Refused for want of a free core: the caller answers 503 and may try again shortly. */
    public static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("Too many passwords are being checked at once", null, false, false);
        }
    }

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "cms.security.hash-wait-millis")
    long waitMillis;

    private final int iterations;
    private final Semaphore cores;
    private final byte[] dummySalt = new byte[SALT_BYTES];

    PasswordHashes() {
        this(ITERATIONS, Runtime.getRuntime().availableProcessors(), 3000);
    }

    PasswordHashes(int iterations, int permits, long waitMillis) {
        this.iterations = iterations;
        this.cores = new Semaphore(permits, true);
        this.waitMillis = waitMillis;
        RANDOM.nextBytes(dummySalt);
    }

    /** How long work that needs a hash waits for a free core ({@code cms.security.hash-wait-millis}). */
    public long waitMillis() {
        return waitMillis;
    }

    /** Runs work that computes hashes once a core is free for it. */
    public <T> T withPermit(Supplier<T> work) {
        try {
            if (!cores.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return work.get();
        } finally {
            cores.release();
        }
    }

    /** A new hash of the password, with a fresh salt, at the current cost. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return ALGORITHM + ":" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations, KEY_BYTES));
    }

    /** Whether the password is the one hashed; false for a hash this class cannot read. */
    public boolean verify(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        int cost;
        byte[] salt;
        byte[] key;
        try {
            if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
                verifyNothing(password);
                return false;
            }
            cost = Integer.parseInt(parts[1]);
            salt = Base64.getDecoder().decode(parts[2]);
            key = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException unreadable) {
            verifyNothing(password);
            return false;
        }
        boolean same = MessageDigest.isEqual(key, derive(password, salt, cost, key.length));
        if (cost < iterations) {
            derive(password, dummySalt, iterations - cost, KEY_BYTES);
        }
        return same;
    }

    /** Spends what verifying a password costs, for a name that has no account. */
    public void verifyNothing(char[] password) {
        derive(password, dummySalt, iterations, KEY_BYTES);
    }

    /** Whether a hash is at the current cost; an older one is replaced at the next sign-in. */
    public boolean isCurrent(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        try {
            return parts.length == 4 && parts[0].equals(ALGORITHM) && Integer.parseInt(parts[1]) >= iterations;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }

    /** The one place a hash is computed (tests count the iterations here). */
    byte[] derive(char[] password, byte[] salt, int cost, int bytes) {
        var spec = new PBEKeySpec(password, salt, cost, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }
}
