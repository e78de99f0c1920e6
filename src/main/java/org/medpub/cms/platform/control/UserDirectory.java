package org.medpub.cms.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.medpub.cms.platform.control.BusinessException.FieldError;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.platform.entity.UserAccount;

/**
 * The editorial team's accounts: looked up at sign-in, created by an admin or by demo mode,
 * described and set up by their owners, managed by admins ({@link EditorialPermissions} says who
 * may change which account). An account is deactivated, never deleted: the history keeps its name.
 */
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

    @Inject
    EnabledLocales enabledLocales;

    /** The account an operator's initial password opens ({@code cms.admin.initial-password}). */
    public static final String INITIAL_ADMIN = "admin";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final int NAME_LENGTH = 200;
    private static final int EMAIL_LENGTH = 320;

    /** What a user chose for themselves; empty where they left it to the browser. */
    public record Preferences(Optional<String> uiLanguage, Optional<ZoneId> timeZone) {
    }

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

    /**
     * The UI language the user's sign-in starts in and the time zone their times are shown in;
     * none for an unknown user name.
     */
    public Preferences preferencesOf(String username) {
        var account = find(username);
        return new Preferences(account.flatMap(UserAccount::uiLanguage).flatMap(enabledLocales::find),
                account.flatMap(UserAccount::timeZone).filter(TimeZones::isKnown).map(ZoneId::of));
    }

    /** An admin changes how a person is named and reached, what they may do and into which locales they translate. */
    public void edit(Actor actor, String username, String displayName, String credentials, String email,
            Set<String> roles, Set<String> locales) {
        EditorialPermissions.requireManageAccounts(actor);
        List<FieldError> errors = new ArrayList<>();
        Description description = Description.of(displayName, credentials, email, errors);
        refuseAny(errors);
        UserAccount account = account(username);
        account.describe(description.name(), description.credentials(), description.email());
        if (!account.getRoles().equals(roles)) {
            String before = String.join(" ", new TreeSet<>(account.getRoles()));
            String after = String.join(" ", new TreeSet<>(roles));
            SecurityLog.record("role-change", username, Map.of("by", actor.username(), "before", before, "after", after),
                    actor.username() + " changed the roles of '" + username + "' from (" + before + ") to (" + after + ")");
        }
        account.assign(roles, locales);
    }

    /**
     * The user's own account: the name, credentials (shown to readers with their reviews) and
     * e-mail, the language of the editorial UI and the time zone (blank: as the browser says).
     * All or nothing: a field at fault changes none.
     */
    public void changeOwnAccount(Actor actor, String displayName, String credentials, String email, String uiLanguage,
            String timeZone) {
        List<FieldError> errors = new ArrayList<>();
        Description description = Description.of(displayName, credentials, email, errors);
        String language = blankAsNull(uiLanguage);
        Optional<String> enabled = language == null ? Optional.empty() : enabledLocales.find(language);
        if (language != null && enabled.isEmpty()) {
            errors.add(new FieldError("uiLanguage", "Not one of the enabled languages " + enabledLocales.all()));
        }
        String zone = blankAsNull(timeZone);
        if (zone != null && !TimeZones.isKnown(zone)) {
            errors.add(new FieldError("timeZone", "Not an IANA time zone such as Europe/Berlin"));
        }
        refuseAny(errors);
        UserAccount account = account(actor.username());
        account.describe(description.name(), description.credentials(), description.email());
        account.prefer(enabled.orElse(null), zone);
    }

    /** How a person is named and reached, as typed, checked: a name is required, the rest optional. */
    private record Description(String name, String credentials, String email) {

        static Description of(String displayName, String credentials, String email, List<FieldError> errors) {
            String name = blankAsNull(displayName);
            if (name == null || name.length() > NAME_LENGTH) {
                errors.add(new FieldError("displayName", "A name is required, at most " + NAME_LENGTH + " characters"));
            }
            String shownCredentials = blankAsNull(credentials);
            if (shownCredentials != null && shownCredentials.length() > NAME_LENGTH) {
                errors.add(new FieldError("credentials", "At most " + NAME_LENGTH + " characters"));
            }
            String address = blankAsNull(email);
            if (address != null && (address.length() > EMAIL_LENGTH || !EMAIL.matcher(address).matches())) {
                errors.add(new FieldError("email", "Not an e-mail address such as name@example.org"));
            }
            return new Description(name, shownCredentials, address);
        }
    }

    /**
     * The user replaces their own password, giving the current one; a wrong current password
     * counts as a failed sign-in (towards the lock), so that a session left open is no way to
     * guess it. The new one must meet the {@link PasswordPolicy} and differ from the current one.
     */
    public void changePassword(Actor actor, char[] current, char[] replacement) {
        UserAccount account = account(actor.username());
        String hash = passwordHashes.withPermit(() -> {
            if (!verify(account, current)) {
                lockout.failedSignIn(account.getUsername());
                throw new BusinessException.InvalidInput("currentPassword", "The current password is not correct");
            }
            PasswordPolicy.check(account.getUsername(), replacement);
            if (verify(account, replacement)) {
                throw new PasswordPolicy.Refused("sameAsCurrent", "The new password must differ from the current one");
            }
            return hash(replacement);
        });
        account.newPassword(hash, false);
    }

    /**
     * An admin sets a password that the user must replace at their next sign-in: until then
     * every page of the editorial UI leads to the password form, and the API refuses it.
     */
    public void setOneTimePassword(Actor actor, String username, char[] password) {
        EditorialPermissions.requireManageAccounts(actor);
        UserAccount account = account(username);
        PasswordPolicy.check(username, password);
        account.newPassword(passwordHashes.withPermit(() -> hash(password)), true);
        SecurityLog.record("one-time-password", username, Map.of("by", actor.username()),
                actor.username() + " set a one-time password for '" + username + "'");
    }

    /**
     * The operator's way in (day one, or after importing a content archive, whose accounts come
     * without passwords): when no active admin has a password, the account {@code admin} gets this
     * one and the admin role, and is made if missing. Returns whether it did.
     */
    public boolean letInitialAdminIn(char[] password) {
        boolean adminCanSignIn = all().stream().anyMatch(account -> account.isActive()
                && account.getRoles().contains(Role.ADMIN) && !account.getPasswordHash().isEmpty());
        if (adminCanSignIn) {
            return false;
        }
        PasswordPolicy.check(INITIAL_ADMIN, password);
        Optional<UserAccount> existing = find(INITIAL_ADMIN);
        SecurityLog.record("initial-admin", INITIAL_ADMIN, Map.of(),
                "no admin could sign in: '" + INITIAL_ADMIN + "' has the password of cms.admin.initial-password");
        if (existing.isEmpty()) {
            createDemoUser(INITIAL_ADMIN, password, "Administrator", null, null, Set.of(Role.ADMIN), Set.of());
            return true;
        }
        UserAccount account = existing.get();
        Set<String> roles = new HashSet<>(account.getRoles());
        roles.add(Role.ADMIN);
        account.assign(roles, account.getLocales());
        account.reactivate();
        account.newPassword(hash(password), false);
        return true;
    }

    /** Ends the account's sign-ins, at once and everywhere; its history, reviews and audit entries stay. */
    public void deactivate(Actor actor, String username) {
        EditorialPermissions.requireManageAccounts(actor);
        if (actor.username().equals(username)) {
            throw new BusinessException.Conflict("own-account", "Admins cannot deactivate their own account");
        }
        account(username).deactivate(clock.instant());
        SecurityLog.record("account-deactivated", username, Map.of("by", actor.username()),
                actor.username() + " deactivated the account '" + username + "'");
    }

    public void reactivate(Actor actor, String username) {
        EditorialPermissions.requireManageAccounts(actor);
        account(username).reactivate();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void refuseAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new BusinessException.InvalidInput(errors.get(0).message(), errors);
        }
    }

    public void unlock(Actor actor, String username) {
        EditorialPermissions.requireManageAccounts(actor);
        account(username); // an unknown user is a 404, not a silent no-op
        lockout.unlock(username);
    }

    private UserAccount account(String username) {
        return find(username).orElseThrow(() -> new BusinessException.NotFound("There is no user " + username));
    }

    /**
     * A new account; the password must meet the {@link PasswordPolicy}, and the name and address
     * are checked as an edit checks them (a blank address is none).
     */
    @Transactional
    public UserAccount create(Actor actor, String username, char[] password, String displayName, String credentials,
            String email, Set<String> roles, Set<String> locales) {
        EditorialPermissions.requireManageAccounts(actor);
        PasswordPolicy.check(username, password);
        List<FieldError> errors = new ArrayList<>();
        Description description = Description.of(displayName, credentials, email, errors);
        refuseAny(errors);
        UserAccount account = createDemoUser(username, password, description.name(), description.credentials(),
                description.email(), roles, locales);
        SecurityLog.record("account-created", username, Map.of("by", actor.username(), "roles", String.join(" ", new TreeSet<>(roles))),
                actor.username() + " made the account '" + username + "' with the roles (" + String.join(" ", new TreeSet<>(roles)) + ")");
        return account;
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
