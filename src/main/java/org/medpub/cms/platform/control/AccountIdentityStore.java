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
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.entity.UserAccount;

/**
 * Signs people in against their accounts; a locked account (see {@link AccountLockout}) is refused
 * even with the right password. PBKDF2 is slow by design, and HTTP Basic sends the password with
 * every request, so a password that was verified is remembered for a short while as a SHA-256
 * digest in memory only. Remembering spares PBKDF2 and nothing else: the account and its lock are
 * read at every sign-in, and locking an account forgets the passwords remembered for it.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private record Verified(String username, Instant until) {
    }

    @Inject
    UserDirectory users;

    @Inject
    AccountLockout lockout;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cms.security.verified-credential-seconds", defaultValue = "60")
    long verifiedSeconds;

    private final ConcurrentHashMap<String, Verified> recentlyVerified = new ConcurrentHashMap<>();

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = login.getCaller();
        String key = digest(username, login.getPasswordAsString());
        var found = users.find(username);
        if (found.isEmpty() || lockout.isLocked(found.get())) {
            recentlyVerified.remove(key);
            return CredentialValidationResult.INVALID_RESULT;
        }
        UserAccount account = found.get();
        Instant now = clock.instant();
        Verified known = recentlyVerified.get(key);
        boolean remembered = known != null && known.until().isAfter(now);
        if (!remembered && !users.verify(account, login.getPassword().getValue())) {
            recentlyVerified.remove(key);
            if (lockout.failedSignIn(username)) {
                recentlyVerified.values().removeIf(verified -> verified.username().equals(username));
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (account.hasFailedSignIns()) {
            lockout.signedIn(username);
        }
        if (!remembered) {
            if (recentlyVerified.size() > 10_000) {
                recentlyVerified.clear();
            }
            recentlyVerified.put(key, new Verified(username, now.plus(Duration.ofSeconds(verifiedSeconds))));
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
