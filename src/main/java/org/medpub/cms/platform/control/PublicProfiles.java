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
import java.util.function.Function;
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

    /**
     * The whole profile at once, as the admin page writes it: address, visibility and the words of
     * every enabled locale as the form gives them (a locale with only blanks loses its words). All or nothing.
     */
    public UserAccount save(Actor actor, String username, String slug, boolean visible, Function<String, ProfileText> wordsIn) {
        publish(actor, username, slug, visible);
        for (String locale : locales.all()) {
            ProfileText text = wordsIn.apply(locale);
            describe(actor, username, locale, text.getDisplayName(), text.getCredentials(), text.getBio());
        }
        return account(username);
    }

    /** A public profile as readers see it: its address, the account's name, and its texts per locale. */
    public record PublicProfile(String username, String slug, String accountName, Map<String, ProfileText> texts) {
    }

    /** A public profile by its slug; empty for an unknown slug or a profile that is not public. */
    public Optional<PublicProfile> bySlug(String slug) {
        if (slug == null || StrictText.hasNul(slug)) {
            return Optional.empty();
        }
        return read("u.profileSlug = :key", slug).values().stream().findFirst();
    }

    /** Of these users, those with a public profile, by user name, in one statement. */
    public Map<String, PublicProfile> publicOnes(Collection<String> usernames) {
        return usernames.isEmpty() ? Map.of() : read("u.username in :key", usernames);
    }

    /** Read as plain values, not as accounts: an account would bring its roles in statements of their own. */
    private Map<String, PublicProfile> read(String condition, Object key) {
        List<Object[]> rows = em.createQuery("select u.username, u.profileSlug, u.displayName, key(p), p.displayName,"
                        + " p.credentials, p.bio from UserAccount u left join u.profile p where " + condition
                        + " and u.profilePublic = true and u.profileSlug is not null", Object[].class)
                .setParameter("key", key)
                .getResultList();
        Map<String, String[]> accounts = new LinkedHashMap<>();
        Map<String, Map<String, ProfileText>> texts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String username = (String) row[0];
            accounts.putIfAbsent(username, new String[] {(String) row[1], (String) row[2]});
            Map<String, ProfileText> own = texts.computeIfAbsent(username, u -> new LinkedHashMap<>());
            if (row[3] != null) {
                own.put((String) row[3], new ProfileText((String) row[4], (String) row[5], (String) row[6]));
            }
        }
        Map<String, PublicProfile> found = new LinkedHashMap<>();
        accounts.forEach((username, account) ->
                found.put(username, new PublicProfile(username, account[0], account[1], Map.copyOf(texts.get(username)))));
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
