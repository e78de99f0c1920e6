package org.medpub.cms.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medpub.cms.platform.entity.UserAccount;

/** The editorial team's accounts: looked up at sign-in, created by an admin or by demo mode. */
@ApplicationScoped
@Transactional
public class UserDirectory {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashes passwordHashes;

    @Inject
    Clock clock;

    @Inject
    AccountLockout lockout;

    /** The account with its roles, in one round trip: every request signed in with HTTP Basic reads it. */
    public Optional<UserAccount> find(String username) {
        if (StrictText.hasNul(username)) {
            return Optional.empty(); // no account has one, and PostgreSQL refuses to compare text holding NUL
        }
        return em.createQuery("select distinct u from UserAccount u left join fetch u.roles where u.username = :name",
                        UserAccount.class)
                .setParameter("name", username)
                .getResultStream()
                .findFirst();
    }

    /** The locales assigned to the user for translating into. */
    public Set<String> locales(String username) {
        return Set.copyOf(em.createQuery("select l from UserAccount u join u.locales l where u.username = :name", String.class)
                .setParameter("name", username)
                .getResultList());
    }

    /** Every account with its roles and locales, by user name. */
    public List<UserAccount> all() {
        return em.createQuery("select distinct u from UserAccount u left join fetch u.roles left join fetch u.locales"
                + " order by u.username", UserAccount.class).getResultList();
    }

    @Transactional
    public void assign(String username, Set<String> roles, Set<String> locales) {
        account(username).assign(roles, locales);
    }

    public void unlock(String username) {
        account(username); // an unknown user is a 404, not a silent no-op
        lockout.unlock(username);
    }

    private UserAccount account(String username) {
        return find(username).orElseThrow(() -> new BusinessException.NotFound("There is no user " + username));
    }

    /** A new account; the password must meet the {@link PasswordPolicy}. */
    @Transactional
    public UserAccount create(String username, char[] password, String displayName, String credentials, String email,
            Set<String> roles, Set<String> locales) {
        PasswordPolicy.check(username, password);
        return createDemoUser(username, password, displayName, credentials, email, roles, locales);
    }

    /**
     * An account of demo mode, whose password ({@code demo}) everyone knows anyway: the only one
     * that bypasses the {@link PasswordPolicy}.
     */
    @Transactional
    public UserAccount createDemoUser(String username, char[] password, String displayName, String credentials,
            String email, Set<String> roles, Set<String> locales) {
        if (find(username).isPresent()) {
            throw new BusinessException.Conflict("user-exists", "There is a user " + username + " already");
        }
        var account = new UserAccount(username, hash(password), displayName, credentials, email, roles, locales,
                clock.instant());
        em.persist(account);
        return account;
    }

    public boolean verify(UserAccount account, char[] password) {
        return passwordHashes.verify(password, account.getPasswordHash());
    }

    /** Whether the account's password hash is below the current cost, to be replaced at a sign-in. */
    public boolean needsRehash(UserAccount account) {
        return !passwordHashes.isCurrent(account.getPasswordHash());
    }

    /**
     * Replaces the account's hash by a new one of the same password (at the current cost); only
     * if the hash is still the one verified, so that a password changed meanwhile stays.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void replaceHash(UserAccount account, String newHash) {
        em.createQuery("update UserAccount u set u.passwordHash = :hash where u.username = :name and u.passwordHash = :old")
                .setParameter("hash", newHash)
                .setParameter("name", account.getUsername())
                .setParameter("old", account.getPasswordHash())
                .executeUpdate();
    }

    private String hash(char[] password) {
        return passwordHashes.hash(password);
    }
}
