package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.medpub.cms.platform.control.PasswordHashesTest.CountingHashes;
import org.medpub.cms.platform.entity.UserAccount;

/**
 * The identity store does the same work for an unknown name, a wrong password and a locked
 * account, counted where every hash is computed and every failure recorded, rather than timed.
 */
class AccountIdentityStoreTest {

    private static final int COST = 2000;

    private final CountingHashes hashes = new CountingHashes(COST);
    private final Map<String, UserAccount> accounts = new HashMap<>();
    private final Set<String> lockedNames = new java.util.HashSet<>();
    private final List<String> failuresRecorded = new ArrayList<>();
    private final List<String> replacedHashes = new ArrayList<>();
    private final AccountIdentityStore store = new AccountIdentityStore();

    AccountIdentityStoreTest() {
        store.hashes = hashes;
        store.clock = Clock.systemUTC();
        store.verifiedSeconds = 60;
        store.users = new UserDirectory() {
            @Override
            public Optional<UserAccount> find(String username) {
                return Optional.ofNullable(accounts.get(username));
            }

            @Override
            public boolean verify(UserAccount account, char[] password) {
                return hashes.verify(password, account.getPasswordHash());
            }

            @Override
            public boolean needsRehash(UserAccount account) {
                return !hashes.isCurrent(account.getPasswordHash());
            }

            @Override
            public void replaceHash(UserAccount account, String newHash) {
                replacedHashes.add(newHash);
            }
        };
        store.lockout = new AccountLockout() {
            @Override
            public boolean isLocked(UserAccount account) {
                return lockedNames.contains(account.getUsername());
            }

            @Override
            public boolean failedSignIn(String username) {
                failuresRecorded.add(username);
                return false;
            }

            @Override
            public void signedIn(String username) {
            }
        };
    }

    private void account(String name, String password, int cost) {
        String hash = cost == COST ? hashes.hash(password.toCharArray()) : hashes.hashAt(cost, password);
        accounts.put(name, new UserAccount(name, hash, name, null, null, Set.of("author"), Set.of(), null));
    }

    /** The iterations and hash computations one sign-in costs, and its answer. */
    private String attempt(String user, String password) {
        hashes.iterations = 0;
        hashes.computations = 0;
        CredentialValidationResult result = store.validate(new UsernamePasswordCredential(user, password));
        return result.getStatus() + " after " + hashes.iterations + " iterations in " + hashes.computations + " hashes";
    }

    @Test
    void item9_anUnknownNameALockedAccountAndAWrongPasswordCostTheSameHashing() {
        account("dana", "the right password", COST);
        account("lee", "the right password", COST);
        account("old", "the right password", 100);
        lockedNames.add("lee");

        String refused = "INVALID after " + COST + " iterations in 1 hashes";
        assertEquals(refused, attempt("dana", "a wrong password"));
        assertEquals(refused, attempt("nobody", "a wrong password"), "an unknown name is verified against a dummy hash");
        assertEquals(refused, attempt("lee", "a wrong password"), "a locked account still runs the hash");
        assertEquals(refused, attempt("lee", "the right password"), "even with the right password");
        assertEquals("INVALID after " + COST + " iterations in 2 hashes", attempt("old", "a wrong password"),
                "an old, cheaper hash is topped up to the current cost");
        assertEquals(List.of("dana", "nobody", "lee", "lee", "old"), failuresRecorded,
                "every failure goes through the same lockout statement, which counts only where it may");
    }

    @Test
    void item14_aSignInReplacesAHashBelowTheCurrentCost() {
        account("old", "the right password", 100);
        assertTrue(attempt("old", "the right password").startsWith("VALID"));
        assertEquals(1, replacedHashes.size());
        assertTrue(replacedHashes.get(0).startsWith("PBKDF2WithHmacSHA256:" + COST + ":"), replacedHashes::toString);

        account("current", "the right password", COST);
        attempt("current", "the right password");
        assertEquals(1, replacedHashes.size(), "a hash at the current cost stays");
    }

    @Test
    void aDeactivatedAccountIsRefusedWithTheRightPasswordAndTheSameWork() {
        account("gone", "the right password", COST);
        assertTrue(attempt("gone", "the right password").startsWith("VALID"));
        accounts.get("gone").deactivate(java.time.Instant.now());
        assertEquals("INVALID after 0 iterations in 0 hashes", attempt("gone", "the right password"),
                "refused even while the password is remembered");
        accounts.get("gone").reactivate();
        assertTrue(attempt("gone", "the right password").startsWith("VALID"));
    }

    @Test
    void requestsSentAtOnceWithTheSamePasswordComputeOneHash() throws Exception {
        account("erin", "the right password", COST);
        hashes.slowMillis = 200;
        hashes.computations = 0;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String[] login = i % 4 == 3 ? new String[] {"erin", "a wrong password"} : new String[] {"erin", "the right password"};
                answers.add(clients.submit(() -> {
                    start.await();
                    return store.validate(new UsernamePasswordCredential(login[0], login[1])).getStatus() + " " + login[1];
                }));
            }
            start.countDown();
            List<String> statuses = new ArrayList<>();
            for (Future<String> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertEquals(6, statuses.stream().filter(a -> a.equals("VALID the right password")).count(), statuses::toString);
            assertEquals(2, statuses.stream().filter(a -> a.equals("INVALID a wrong password")).count(), statuses::toString);
            // one hash for the six right ones, one for each wrong one: a wrong attempt always costs its own
            assertEquals(3, hashes.computations);
            assertEquals(List.of("erin", "erin"), failuresRecorded);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aRememberedPasswordCountsNoMoreOnceThePasswordWasChanged() {
        account("dana", "the old password", COST);
        assertEquals("VALID after " + COST + " iterations in 1 hashes", attempt("dana", "the old password"));
        assertEquals("VALID after 0 iterations in 0 hashes", attempt("dana", "the old password"), "remembered");
        accounts.get("dana").newPassword(hashes.hash("the new password".toCharArray()), false);
        assertEquals("INVALID after " + COST + " iterations in 1 hashes", attempt("dana", "the old password"),
                "checked afresh against the new hash");
        assertTrue(attempt("dana", "the new password").startsWith("VALID"));
    }
}
