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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs people in against their accounts. PBKDF2 is slow by design, and HTTP Basic sends the
 * password with every request, so a password that was verified is remembered for a short while
 * as a SHA-256 digest in memory only.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private record Verified(String username, Set<String> roles, Instant until) {
    }

    @Inject
    UserDirectory users;

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
        String key = digest(login.getCaller(), login.getPasswordAsString());
        Instant now = clock.instant();
        Verified known = recentlyVerified.get(key);
        if (known != null && known.until().isAfter(now)) {
            return new CredentialValidationResult(known.username(), known.roles());
        }
        var account = users.find(login.getCaller());
        if (account.isEmpty() || !users.verify(account.get(), login.getPassword().getValue())) {
            recentlyVerified.remove(key);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Set<String> roles = account.get().getRoles();
        if (recentlyVerified.size() > 10_000) {
            recentlyVerified.clear();
        }
        recentlyVerified.put(key, new Verified(login.getCaller(), roles, now.plus(Duration.ofSeconds(verifiedSeconds))));
        return new CredentialValidationResult(login.getCaller(), roles);
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
