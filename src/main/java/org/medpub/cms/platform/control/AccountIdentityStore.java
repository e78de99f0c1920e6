package org.medpub.cms.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.entity.UserAccount;

/**
 * Signs people in against their accounts; a locked account (see {@link AccountLockout}) and a
 * deactivated one are refused even with the right password. An unknown name, a wrong password and a locked account get the
 * same answer after the same work: a hash of the current cost is computed for each (against a
 * dummy hash for an unknown name, see {@link PasswordHashes}) and the failure goes through the
 * same lockout statement, which counts only for an account that exists and is not locked. A hash
 * below the current cost is replaced at the first successful sign-in.
 * <p>
 * PBKDF2 is slow by design, and HTTP Basic sends the password with every request, so a password
 * that was verified is remembered for a short while as a SHA-256 digest in memory only.
 * Remembering spares PBKDF2 and nothing else: the account and its lock are read at every sign-in,
 * locking an account forgets the passwords remembered for it, and a password remembered counts
 * only while the account's hash is still the one it was verified against (a changed password, or
 * one an admin set, makes it count no more). Whatever needs a hash waits for
 * a free core and is refused with {@link PasswordHashes.Busy} when none comes free in time.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private record Verified(String username, Instant until, String passwordHash) {
    }

    @Inject
    UserDirectory users;

    @Inject
    AccountLockout lockout;

    @Inject
    PasswordHashes hashes;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cms.security.verified-credential-seconds")
    long verifiedSeconds;

    private final ConcurrentHashMap<String, Verified> recentlyVerified = new ConcurrentHashMap<>();
    /** The verifications under way, by the same key as {@link #recentlyVerified}. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> verifying = new ConcurrentHashMap<>();

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String key = digest(login.getCaller(), login.getPasswordAsString());
        Verified known = remembered(key);
        if (known != null) {
            return validate(login, key, known);
        }
        // one verification at a time of the same name and password: a client that sends several
        // requests at once (or again after the password was forgotten, every verifiedSeconds) would
        // otherwise run PBKDF2 for each, and the requests beyond the cores would be refused as busy
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = verifying.putIfAbsent(key, mine);
        if (running != null) {
            awaitOther(running);
            Verified meanwhile = remembered(key);
            if (meanwhile != null) {
                return validate(login, key, meanwhile);
            }
            // the other one was refused (each wrong attempt counts for itself) or took too long
            return hashes.withPermit(() -> validate(login, key, null));
        }
        try {
            return hashes.withPermit(() -> validate(login, key, null));
        } finally {
            verifying.remove(key, mine);
            mine.complete(null);
        }
    }

    private Verified remembered(String key) {
        Verified known = recentlyVerified.get(key);
        return known != null && known.until().isAfter(clock.instant()) ? known : null;
    }

    /** Waits for another request's verification of the same name and password, at most as long as for a free core. */
    private void awaitOther(CompletableFuture<Void> running) {
        try {
            running.get(hashes.waitMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // verified here, then
        }
    }

    private CredentialValidationResult validate(UsernamePasswordCredential login, String key, Verified remembered) {
        String username = login.getCaller();
        char[] password = login.getPassword().getValue();
        var found = users.find(username);
        boolean right;
        if (found.isEmpty()) {
            hashes.verifyNothing(password);
            right = false;
        } else if (remembered == null) {
            right = users.verify(found.get(), password); // under the permit the caller took
        } else if (remembered.passwordHash().equals(found.get().getPasswordHash())) {
            right = true;
        } else {
            // the password was changed since it was remembered: it counts only if it is the new one
            recentlyVerified.remove(key);
            return hashes.withPermit(() -> validate(login, key, null));
        }
        if (!right || lockout.isLocked(found.get()) || !found.get().isActive()) {
            recentlyVerified.remove(key);
            String why = found.isEmpty() ? "no-such-user" : !right ? "wrong-password"
                    : !found.get().isActive() ? "deactivated" : "locked";
            SecurityLog.record("sign-in-failed", StrictText.hasNul(username) ? "" : username, Map.of("reason", why),
                    "a sign-in as '" + username + "' failed (" + why + ")");
            if (lockout.failedSignIn(username)) {
                recentlyVerified.values().removeIf(verified -> verified.username().equals(username));
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
        UserAccount account = found.get();
        if (account.hasFailedSignIns()) {
            lockout.signedIn(username);
        }
        if (remembered == null) {
            SecurityLog.record("sign-in", username, Map.of(), "'" + username + "' signed in with their password");
            String hash = account.getPasswordHash();
            if (users.needsRehash(account)) {
                hash = hashes.hash(password);
                users.replaceHash(account, hash);
            }
            if (recentlyVerified.size() > 10_000) {
                recentlyVerified.clear();
            }
            recentlyVerified.put(key, new Verified(username, clock.instant().plus(Duration.ofSeconds(verifiedSeconds)), hash));
        }
        return new CredentialValidationResult(username, account.getRoles());
    }

    private static String digest(String username, String password) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
