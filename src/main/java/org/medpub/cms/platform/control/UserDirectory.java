package org.medpub.cms.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.medpub.cms.platform.entity.UserAccount;

/** The editorial team's accounts: looked up at sign-in, created by an admin or by demo mode. */
@ApplicationScoped
public class UserDirectory {

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Clock clock;

    /** The account with its roles, in one round trip: every request signed in with HTTP Basic reads it. */
    public Optional<UserAccount> find(String username) {
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

    @Transactional
    public UserAccount create(String username, char[] password, String displayName, String credentials, String email,
            Set<String> roles, Set<String> locales) {
        var account = new UserAccount(username, hash(password), displayName, credentials, email, roles, locales,
                clock.instant());
        em.persist(account);
        return account;
    }

    public boolean verify(UserAccount account, char[] password) {
        return passwordHash.verify(password, account.getPasswordHash());
    }

    private String hash(char[] password) {
        return passwordHash.generate(password);
    }
}
