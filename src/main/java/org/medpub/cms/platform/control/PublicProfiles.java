package org.medpub.cms.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.medpub.cms.platform.control.BusinessException.FieldError;
import org.medpub.cms.platform.entity.ProfileText;
import org.medpub.cms.platform.entity.UserAccount;

/**
 * What readers see of the people behind the articles: a user's public profile, set by an admin or
 * the user themself. A profile is shown only once it has a slug and is public; until then readers
 * see nothing of it, and its address is the one "not found" page.
 */
@ApplicationScoped
@Transactional
public class PublicProfiles {

    /** Lower-case letters and digits in words joined by hyphens, as article slugs are. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int SLUG_LENGTH = 80;
    private static final int NAME_LENGTH = 200;
    private static final int CREDENTIALS_LENGTH = 300;
    private static final int BIO_LENGTH = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    EnabledLocales locales;

    @Inject
    Event<ProfilesChanged> changed;

    /** The user's account with its profile, for an admin or the user themself. */
    public UserAccount of(Actor actor, String username) {
        EditorialPermissions.requireEditProfile(actor, username);
        UserAccount account = account(username);
        account.getProfile().size(); // read within the transaction
        return account;
    }

    /** Gives the profile its address and says whether readers see it. */
    public UserAccount publish(Actor actor, String username, String slug, boolean visible) {
        EditorialPermissions.requireEditProfile(actor, username);
        UserAccount account = account(username);
        String wanted = slug == null || slug.isBlank() ? null : slug.strip();
        if (wanted == null && visible) {
            throw new BusinessException.InvalidInput("slug", "A public profile needs a slug, such as rana-reviewer");
        }
        if (wanted != null && (wanted.length() > SLUG_LENGTH || !SLUG.matcher(wanted).matches())) {
            throw new BusinessException.InvalidInput("slug",
                    "At most " + SLUG_LENGTH + " lower-case letters and digits in words joined by hyphens, such as rana-reviewer");
        }
        if (wanted != null && !em.createQuery("select u.username from UserAccount u where u.profileSlug = :slug"
                        + " and u.username <> :name", String.class)
                .setParameter("slug", wanted).setParameter("name", username).getResultList().isEmpty()) {
            throw new BusinessException.Conflict("slug-taken", new FieldError("slug", "Another person's profile has the slug " + wanted));
        }
        account.publishProfile(wanted, visible);
        changed.fire(new ProfilesChanged(username));
        account.getProfile().size();
        return account;
    }

    /** The profile's name, credentials and bio in one locale; all blank removes them. */
    public UserAccount describe(Actor actor, String username, String locale, String displayName, String credentials, String bio) {
        EditorialPermissions.requireEditProfile(actor, username);
        String tag = locales.find(locale).orElseThrow(() -> new BusinessException.NotFound("'" + locale + "' is not an enabled locale"));
        UserAccount account = account(username);
        List<FieldError> errors = new ArrayList<>();
        String name = checked("displayName", displayName, NAME_LENGTH, errors);
        String shownCredentials = checked("credentials", credentials, CREDENTIALS_LENGTH, errors);
        String shownBio = checked("bio", bio, BIO_LENGTH, errors);
        if (!errors.isEmpty()) {
            throw new BusinessException.InvalidInput(errors.get(0).message(), errors);
        }
        account.describeIn(tag, name == null && shownCredentials == null && shownBio == null ? null
                : new ProfileText(name, shownCredentials, shownBio));
        changed.fire(new ProfilesChanged(username));
        account.getProfile().size();
        return account;
    }

    /** A public profile by its slug; empty for an unknown slug or a profile that is not public. */
    public Optional<UserAccount> bySlug(String slug) {
        if (slug == null || StrictText.hasNul(slug)) {
            return Optional.empty();
        }
        return em.createQuery("select u from UserAccount u left join fetch u.profile where u.profileSlug = :slug"
                        + " and u.profilePublic = true", UserAccount.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /** Of these users, those with a public profile, by user name, in one statement. */
    public Map<String, UserAccount> publicOnes(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, UserAccount> found = new LinkedHashMap<>();
        em.createQuery("select distinct u from UserAccount u left join fetch u.profile where u.username in :names"
                        + " and u.profilePublic = true and u.profileSlug is not null", UserAccount.class)
                .setParameter("names", usernames).getResultList()
                .forEach(u -> found.put(u.getUsername(), u));
        return found;
    }

    private UserAccount account(String username) {
        if (username == null || StrictText.hasNul(username)) {
            throw new BusinessException.NotFound("There is no user " + username);
        }
        return em.createQuery("select u from UserAccount u where u.username = :name", UserAccount.class)
                .setParameter("name", username).getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException.NotFound("There is no user " + username));
    }

    private static String checked(String field, String text, int length, List<FieldError> errors) {
        String value = text == null || text.isBlank() ? null : text.strip();
        if (value != null && value.length() > length) {
            errors.add(new FieldError(field, "At most " + length + " characters"));
        }
        return value;
    }
}
