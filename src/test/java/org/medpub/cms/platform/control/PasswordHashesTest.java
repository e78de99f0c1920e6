package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    @Test
    void item14_newHashesAreAtOwaspsCostAndOldOnesStillVerify() throws GeneralSecurityException {
        var hashes = new PasswordHashes();
        String fresh = hashes.hash("a long passphrase".toCharArray());
        assertTrue(fresh.startsWith("PBKDF2WithHmacSHA256:600000:"), fresh);
        assertTrue(hashes.isCurrent(fresh));
        assertTrue(hashes.verify("a long passphrase".toCharArray(), fresh));
        assertFalse(hashes.verify("a long passphrasf".toCharArray(), fresh));

        // what Payara's Pbkdf2PasswordHash wrote before: 2 048 iterations
        byte[] salt = new byte[32];
        var spec = new PBEKeySpec("demo".toCharArray(), salt, 2048, 256);
        String old = "PBKDF2WithHmacSHA256:2048:" + Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder()
                .encodeToString(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        assertTrue(hashes.verify("demo".toCharArray(), old));
        assertFalse(hashes.verify("demo!".toCharArray(), old));
        assertFalse(hashes.isCurrent(old), "an old hash is replaced at the next sign-in");
        assertFalse(hashes.verify("demo".toCharArray(), "not a hash"));
    }

    @Test
    void item14_verifyingAnOldHashCostsAsMuchAsACurrentOne() {
        var hashes = new CountingHashes(1000);
        String old = hashes.hashAt(100, "password one");
        hashes.iterations = 0;
        hashes.verify("password two".toCharArray(), old);
        assertEquals(1000, hashes.iterations, "topped up to the current cost");
    }

    @Test
    void item14_atMostOneHashPerPermitAndAWaitBeyondTheLimitIsRefused() throws Exception {
        var hashes = new PasswordHashes(1000, 1, 50);
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Thread other = new Thread(() -> hashes.withPermit(() -> {
            holding.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        }));
        other.start();
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        assertThrows(PasswordHashes.Busy.class, () -> hashes.withPermit(() -> "not run"));
        release.countDown();
        other.join();
        assertEquals("run", hashes.withPermit(() -> "run"), "the permit is back once the other is done");
    }

    /** Counts the iterations computed, the seam where every hash is made. */
    static final class CountingHashes extends PasswordHashes {
        int iterations;
        int computations;

        CountingHashes(int cost) {
            super(cost, 2, 1000);
        }

        String hashAt(int cost, String password) {
            return new PasswordHashes(cost, 1, 1000).hash(password.toCharArray());
        }

        /** How long each hash takes on top of its computation, for sign-ins that overlap. */
        volatile long slowMillis;

        @Override
        byte[] derive(char[] password, byte[] salt, int cost, int bytes) {
            synchronized (this) {
                iterations += cost;
                computations++;
            }
            if (slowMillis > 0) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.derive(password, salt, cost, bytes);
        }
    }
}
