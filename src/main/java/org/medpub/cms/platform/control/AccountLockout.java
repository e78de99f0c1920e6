package org.medpub.cms.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.entity.UserAccount;

/**
 * After {@code cms.security.max-failed-logins} (default 5) failed sign-ins in a row an account is
 * locked for {@code cms.security.lockout-minutes} (default 15): while it is locked every sign-in
 * is refused, even with the right password. A successful sign-in clears the count; once a lock
 * has run out, counting starts again. The count lives in the database and each failure raises it
 * in one statement, so that concurrent failures, on any instance of the application, all count.
 * Locking fires {@link AccountLocked} in the same transaction: the owner is told by e-mail and
 * admins see the lock on the users page, while the sign-in form says nothing of it.
 */
@ApplicationScoped
public class AccountLockout {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<AccountLocked> locked;

    @Inject
    @ConfigProperty(name = "cms.security.max-failed-logins")
    int maxFailedLogins;

    @Inject
    @ConfigProperty(name = "cms.security.lockout-minutes")
    long lockoutMinutes;

    public boolean isLocked(UserAccount account) {
        return account.isLockedAt(clock.instant());
    }

    /**
     * Counts a failed sign-in, and locks the account when it was the last failure allowed. An
     * account that is locked already is left as it is: failures while locked do not prolong the lock.
     * A name without an account runs the same statement, which changes nothing.
     *
     * @return whether this failure locked the account
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean failedSignIn(String typed) {
        // a name holding NUL has no account, and PostgreSQL refuses NUL in any text: the statements
        // run with a name that no account has, at the same cost
        String username = StrictText.hasNul(typed) ? "" : typed;
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int counted = em.createNativeQuery("update app_user"
                        + " set failed_logins = case when locked_until is null then failed_logins + 1 else 1 end,"
                        + " locked_until = null"
                        + " where username = ?1 and (locked_until is null or locked_until <= ?2)")
                .setParameter(1, username)
                .setParameter(2, now)
                .executeUpdate();
        // the row stays locked by the update above until commit, so no other failure counts in between;
        // the lock statement runs for every failure, counted or not, so that each costs the same work
        OffsetDateTime until = now.plusMinutes(lockoutMinutes);
        int lockedRows = em.createNativeQuery("update app_user set locked_until = ?1"
                        + " where username = ?2 and failed_logins >= ?3 and locked_until is null")
                .setParameter(1, until)
                .setParameter(2, username)
                .setParameter(3, maxFailedLogins)
                .executeUpdate();
        if (counted == 0 || lockedRows == 0) {
            return false;
        }
        locked.fire(new AccountLocked(username, maxFailedLogins, now.toInstant(), until.toInstant()));
        SecurityLog.record("lockout", username, Map.of("lockedUntil", until.toInstant().toString(), "failedSignIns",
                maxFailedLogins), "account '" + username + "' is locked until " + until.toInstant() + " after "
                + maxFailedLogins + " failed sign-ins in a row");
        return true;
    }

    /** An admin lets the user sign in again at once, with no failed sign-ins counted. */
    @Transactional
    public void unlock(String username) {
        em.createNativeQuery("update app_user set failed_logins = 0, locked_until = null where username = ?1")
                .setParameter(1, username)
                .executeUpdate();
    }

    /** Clears the failed sign-ins on record after a successful one, unless a lock came in between. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void signedIn(String username) {
        em.createNativeQuery("update app_user set failed_logins = 0, locked_until = null"
                        + " where username = ?1 and (locked_until is null or locked_until <= ?2)")
                .setParameter(1, username)
                .setParameter(2, clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
