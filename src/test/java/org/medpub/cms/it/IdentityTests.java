package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Accounts: passwords kept only as PBKDF2 hashes, the lock after five failed sign-ins in a row,
 * and translators who write only into the locales assigned to them.
 */
abstract class IdentityTests {

    /** What Jakarta Security's Pbkdf2PasswordHash writes: algorithm, iterations, salt and hash, Base64. */
    private static final Pattern PBKDF2 = Pattern.compile("PBKDF2WithHmacSHA256:(\\d+):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)");
    static final String PASSWORD = "Correct horse 1";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void passwordsAreStoredOnlyAsPbkdf2Hashes() throws GeneralSecurityException {
        for (String user : List.of("author", "translator", "reviewer", "editor", "admin")) {
            Map<String, Object> row = DatabaseRows.row("select * from app_user where username = ?", user);
            String stored = (String) row.remove("password_hash");
            Matcher hash = PBKDF2.matcher(stored);
            assertTrue(hash.matches(), stored);
            int iterations = Integer.parseInt(hash.group(1));
            byte[] salt = Base64.getDecoder().decode(hash.group(2));
            byte[] key = Base64.getDecoder().decode(hash.group(3));
            // OWASP's figure for PBKDF2-HMAC-SHA256, 32 bytes of salt and of key
            assertTrue(iterations >= 600_000 && salt.length >= 16 && key.length >= 16, stored);
            assertArrayEquals(key, pbkdf2("demo", salt, iterations, key.length), user + "'s hash is of the password demo");
            row.forEach((column, value) -> {
                // the demo e-mail domain is the one place where the word belongs
                String text = String.valueOf(value).replace("@demo.invalid", "");
                assertFalse(text.contains("demo"), column + " of " + user + ": " + text);
            });
        }
    }

    @Test
    void fiveFailedSignInsLockTheAccountUntilTheLockRunsOut() {
        String user = newAccount("author");
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, signIn(user, "wrong " + i), "failure " + i);
        }
        assertEquals(401, signIn(user, PASSWORD), "locked: even the right password is refused");
        Map<String, Object> locked = account(user);
        assertEquals(5, locked.get("failed_logins"));
        assertNotNull(locked.get("locked_until"));
        Instant until = ((Timestamp) locked.get("locked_until")).toInstant();
        assertTrue(until.isAfter(Instant.now().plus(Duration.ofMinutes(14))), until::toString);

        DatabaseRows.update("update app_user set locked_until = ? where username = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), user);
        assertEquals(200, signIn(user, PASSWORD), "the lock has run out");
        Map<String, Object> cleared = account(user);
        assertEquals(0, cleared.get("failed_logins"));
        assertNull(cleared.get("locked_until"));
    }

    @Test
    void aRememberedPasswordDoesNotGetPastTheLock() {
        String user = newAccount("author");
        assertEquals(200, signIn(user, PASSWORD));
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, signIn(user, "wrong " + i), "failure " + i);
        }
        assertEquals(401, signIn(user, PASSWORD));
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        String user = newAccount("author");
        assertEquals(200, signIn(user, PASSWORD));
        for (int round = 1; round <= 2; round++) {
            for (int i = 1; i <= 4; i++) {
                assertEquals(401, signIn(user, "wrong " + i), "failure " + i);
            }
            assertEquals(4, account(user).get("failed_logins"));
            assertEquals(200, signIn(user, PASSWORD), "round " + round);
            assertEquals(0, account(user).get("failed_logins"));
        }
    }

    @Test
    void concurrentFailuresAllCountAndNoneProlongsTheLock() throws Exception {
        String user = newAccount("author");
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String password = "wrong " + i;
                replies.add(pool.submit(() -> {
                    start.await();
                    return signIn(user, password);
                }));
            }
            start.countDown();
            for (Future<Integer> reply : replies) {
                assertEquals(401, reply.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> locked = account(user);
        assertEquals(5, locked.get("failed_logins"), "five counted, then the lock refused the rest uncounted");
        assertNotNull(locked.get("locked_until"));
        assertEquals(401, signIn(user, PASSWORD));
    }

    @Test
    void aTranslatorWritesOnlyIntoTheLocalesAssignedToThem() {
        String path = RevisionApiTests.path(Api.as("author").post("/api/articles", article(unique("assigned"))));

        var spanish = Api.as("translator").put(path + "/locales/es", edit(unique("es"), "Una traducción.", "Traducción"), null);
        assertEquals(201, spanish.status(), spanish::toString);

        String frenchSlug = unique("fr");
        var french = Api.as("translator").put(path + "/locales/fr", edit(frenchSlug, "Vivre avec la migraine.", "fr"), null);
        assertEquals(403, french.status(), french::toString);
        assertEquals("application/problem+json", french.header("Content-Type").orElseThrow().split(";")[0]);
        assertEquals(403, french.json().get("status").asInt());
        assertEquals(0, DatabaseRows.count("select count(*) from variant where locale = 'fr' and slug = ?", frenchSlug));

        var byAuthor = Api.as("author").put(path + "/locales/fr", edit(frenchSlug, "Vivre avec la migraine.", "fr"), null);
        assertEquals(201, byAuthor.status(), byAuthor::toString);
    }

    private static int signIn(String user, String password) {
        return Api.as(user, password).get("/api/articles?limit=1").status();
    }

    private static Map<String, Object> account(String user) {
        return DatabaseRows.row("select failed_logins, locked_until from app_user where username = ?", user);
    }

    /**
     * An account with the password {@link #PASSWORD} and the roles given, that only the calling
     * test signs in as: the demo users must never be locked. Its id comes from the sequence, which
     * hands the application its blocks of ids, so no block the application takes can ever contain it.
     */
    static String newAccount(String... roles) {
        String username = unique("signin");
        Object id = DatabaseRows.row("select nextval('app_user_seq') as id").get("id");
        DatabaseRows.update("insert into app_user (id, username, password_hash, display_name, created_at)"
                + " values (?, ?, ?, ?, current_timestamp)", id, username, hash(PASSWORD), "Sign-in test " + username);
        for (String role : roles) {
            DatabaseRows.update("insert into app_user_role (user_id, role) values (?, ?)", id, role);
        }
        return username;
    }

    private static String hash(String password) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        try {
            return "PBKDF2WithHmacSHA256:2048:" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(pbkdf2(password, salt, 2048, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations, int bytes) throws GeneralSecurityException {
        var spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }
}
