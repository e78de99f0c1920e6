package org.medpub.cms.platform.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A member of the editorial team who signs in. The password is kept only as a PBKDF2 hash;
 * credentials (e.g. "MD, psychiatry") are shown with a medical reviewer's sign-off. A translator
 * translates only into the locales assigned to them. An account is never deleted, only
 * deactivated, so that the history, reviews and audit trail keep naming a person; a password that
 * an admin set must be replaced by its owner before anything else. A public profile (a slug, and per
 * locale a name, credentials and bio) is what readers see of them, once it is made public.
 */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    private Long id;

    @Column(updatable = false)
    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name")
    private String displayName;

    private String credentials;

    private String email;

    @Column(name = "ui_language")
    private String uiLanguage;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "password_change_required")
    private boolean passwordChangeRequired;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    // Counted and locked by AccountLockout's own statements, never written from here: saving an
    // account must not overwrite a count that a concurrent sign-in has just raised.
    @Column(name = "failed_logins", insertable = false, updatable = false)
    private int failedLogins;

    @Column(name = "locked_until", insertable = false, updatable = false)
    private Instant lockedUntil;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "app_user_locale", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "locale")
    private Set<String> locales = new HashSet<>();

    @Column(name = "profile_slug")
    private String profileSlug;

    @Column(name = "profile_public")
    private boolean profilePublic;

    @ElementCollection
    @CollectionTable(name = "app_user_profile", joinColumns = @JoinColumn(name = "user_id"))
    @MapKeyColumn(name = "locale")
    private Map<String, ProfileText> profile = new HashMap<>();

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, String displayName, String credentials, String email,
            Set<String> roles, Set<String> locales, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.credentials = credentials;
        this.email = email;
        this.roles = new HashSet<>(roles);
        this.locales = new HashSet<>(locales);
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getCredentials() {
        return credentials;
    }

    public String getEmail() {
        return email;
    }

    public Set<String> getRoles() {
        return Set.copyOf(roles);
    }

    public Set<String> getLocales() {
        return Set.copyOf(locales);
    }

    /** The UI language the user chose (a tag), if any. */
    public Optional<String> uiLanguage() {
        return Optional.ofNullable(uiLanguage);
    }

    /** The time zone the user chose (an IANA id), if any. */
    public Optional<String> timeZone() {
        return Optional.ofNullable(timeZone);
    }

    public boolean isActive() {
        return deactivatedAt == null;
    }

    public Optional<Instant> deactivatedAt() {
        return Optional.ofNullable(deactivatedAt);
    }

    /** Whether the password is one an admin set, which the user must replace before anything else. */
    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    /** How the user is named to colleagues and readers, and reached. */
    public void describe(String displayName, String credentials, String email) {
        this.displayName = displayName;
        this.credentials = credentials;
        this.email = email;
    }

    /** The user's own settings; null for "as the browser says". */
    public void prefer(String uiLanguage, String timeZone) {
        this.uiLanguage = uiLanguage;
        this.timeZone = timeZone;
    }

    /** A new password: the user's own, or one an admin set that must be changed at the next sign-in. */
    public void newPassword(String passwordHash, boolean changeRequired) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = changeRequired;
    }

    public void deactivate(Instant at) {
        if (deactivatedAt == null) {
            deactivatedAt = at;
        }
    }

    public void reactivate() {
        deactivatedAt = null;
    }

    /** What the user may do, and into which locales they translate, as an admin decided. */
    public void assign(Set<String> roles, Set<String> locales) {
        this.roles.clear();
        this.roles.addAll(roles);
        this.locales.clear();
        this.locales.addAll(locales);
    }

    /** Until when the account is locked, if a lock is on record (it may have run out). */
    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Whether failed sign-ins (or an expired lock) are on record that a successful sign-in clears. */
    public boolean hasFailedSignIns() {
        return failedLogins > 0 || lockedUntil != null;
    }

    /** The address of the public profile ({@code /{locale}/people/{slug}}), if one was given. */
    public Optional<String> profileSlug() {
        return Optional.ofNullable(profileSlug);
    }

    /** Whether readers see the profile: it has a slug and was made public. */
    public boolean isProfilePublic() {
        return profilePublic && profileSlug != null;
    }

    /** The profile's texts, per locale. */
    public Map<String, ProfileText> getProfile() {
        return Map.copyOf(profile);
    }

    public void publishProfile(String slug, boolean visible) {
        this.profileSlug = slug;
        this.profilePublic = visible;
    }

    /** The profile's texts in one locale; null removes them. */
    public void describeIn(String locale, ProfileText text) {
        if (text == null) {
            profile.remove(locale);
        } else {
            profile.put(locale, text);
        }
    }
}
