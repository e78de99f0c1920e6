package org.medpub.cms.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The members of the editorial team to tell, by user or by role, with their e-mail addresses where
 * they have one; deactivated accounts are left out.
 */
@ApplicationScoped
@Transactional
public class Recipients {

    /** A member of the team to tell: in the inbox always, by mail when they have an address. */
    public record Recipient(String username, String email) {

        public boolean mailable() {
            return email != null && !email.isBlank();
        }
    }

    @PersistenceContext
    EntityManager em;

    public Optional<Recipient> user(String username) {
        return recipients(em.createQuery("select u.username, u.email from UserAccount u where u.username = :name"
                        + " and u.deactivatedAt is null", Object[].class)
                .setParameter("name", username)
                .getResultList())
                .stream()
                .findFirst();
    }

    public List<Recipient> withRole(String role) {
        return recipients(em.createQuery("select u.username, u.email from UserAccount u join u.roles r where r = :role"
                        + " and u.deactivatedAt is null order by u.username", Object[].class)
                .setParameter("role", role)
                .getResultList());
    }

    private static List<Recipient> recipients(List<Object[]> rows) {
        return rows.stream()
                .map(row -> new Recipient((String) row[0], (String) row[1]))
                .toList();
    }
}
