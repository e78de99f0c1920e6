package org.medpub.cms.admin.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.LanguageNames;
import org.medpub.cms.platform.control.PasswordHashes;
import org.medpub.cms.platform.control.PasswordPolicy;
import org.medpub.cms.platform.control.PublicProfiles;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.entity.ProfileText;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.platform.entity.UserAccount;

/**
 * The admin's page of the editorial team's accounts: who they are, what they may do, into which
 * locales they translate, who is locked out or deactivated; and a one-time password for someone who
 * forgot theirs; and the public profile readers see of them (its address, whether it is public, and
 * per locale the name, credentials and bio).
 */
@Named("users")
@ViewScoped
public class UserAdministration implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserDirectory directory;

    @Inject
    EnabledLocales locales;

    @Inject
    Clock clock;

    @Inject
    Words words;

    @Inject
    Caller caller;

    @Inject
    UiLanguage language;

    @Inject
    PublicProfiles profiles;

    private String userName;
    private String displayName;
    private String credentials;
    private String email;
    private String password;
    private String oneTimePassword;
    private List<String> roles = new ArrayList<>();
    private List<String> translatorLocales = new ArrayList<>();
    // the account being changed; null while a new one is written
    private String changing;
    private String profileSlug;
    private boolean profileVisible;
    // per locale tag, as typed
    private HashMap<String, String> profileNames = new HashMap<>();
    private HashMap<String, String> profileCredentials = new HashMap<>();
    private HashMap<String, String> profileBios = new HashMap<>();

    public List<UserAccount> getAccounts() {
        return directory.all();
    }

    public boolean locked(UserAccount account) {
        return account.isLockedAt(clock.instant());
    }

    /** The account's translation locales, named in the UI language. */
    public String localeNames(UserAccount account) {
        return account.getLocales().stream().sorted().map(this::localeName).collect(Collectors.joining(", "));
    }

    public String localeName(String tag) {
        return LanguageNames.inList(tag, language.getLocale());
    }

    public void change(UserAccount account) {
        changing = account.getUsername();
        displayName = account.getDisplayName();
        credentials = account.getCredentials();
        email = account.getEmail();
        password = oneTimePassword = null;
        roles = new ArrayList<>(account.getRoles());
        translatorLocales = new ArrayList<>(account.getLocales());
        UserAccount withProfile = profiles.of(caller.actor(), changing);
        profileSlug = withProfile.profileSlug().orElse(null);
        profileVisible = withProfile.isProfilePublic();
        profileNames = new HashMap<>();
        profileCredentials = new HashMap<>();
        profileBios = new HashMap<>();
        withProfile.getProfile().forEach((tag, text) -> {
            profileNames.put(tag, text.getDisplayName());
            profileCredentials.put(tag, text.getCredentials());
            profileBios.put(tag, text.getBio());
        });
    }

    /** The public profile of the account being changed: its address and visibility, and its words in every locale. */
    public void saveProfile() {
        try {
            profiles.save(caller.actor(), changing, profileSlug, profileVisible,
                    tag -> new ProfileText(profileNames.get(tag), profileCredentials.get(tag), profileBios.get(tag)));
            info(words.with("users.profile.saved", "user", changing));
        } catch (BusinessException refused) {
            AccountRefusals.show("profile", refused, words);
        }
    }

    public String getProfileSlug() {
        return profileSlug;
    }

    public void setProfileSlug(String profileSlug) {
        this.profileSlug = profileSlug;
    }

    public boolean isProfileVisible() {
        return profileVisible;
    }

    public void setProfileVisible(boolean profileVisible) {
        this.profileVisible = profileVisible;
    }

    public Map<String, String> getProfileNames() {
        return profileNames;
    }

    public Map<String, String> getProfileCredentials() {
        return profileCredentials;
    }

    public Map<String, String> getProfileBios() {
        return profileBios;
    }

    public void save() {
        try {
            if (changing == null) {
                directory.create(caller.actor(), userName, password == null ? new char[0] : password.toCharArray(),
                        displayName, credentials, email, Set.copyOf(roles), Set.copyOf(translatorLocales));
                info(words.with("users.created", "user", userName));
            } else {
                directory.edit(caller.actor(), changing, displayName, credentials, email, Set.copyOf(roles),
                        Set.copyOf(translatorLocales));
                info(words.with("users.changed", "user", changing));
            }
            clear();
        } catch (BusinessException refused) {
            password = null;
            AccountRefusals.show("account", refused, words);
        }
    }

    /** A password that the user must replace at their next sign-in, for someone who forgot theirs. */
    public void setOneTimePassword() {
        try {
            directory.setOneTimePassword(caller.actor(), changing,
                    oneTimePassword == null ? new char[0] : oneTimePassword.toCharArray());
            info(words.with("users.oneTimePassword.done", "user", changing));
            clear();
        } catch (BusinessException refused) {
            AccountRefusals.show("oneTime", refused, words);
        } catch (PasswordHashes.Busy busy) {
            AccountRefusals.busy(words);
        } finally {
            oneTimePassword = null;
        }
    }

    public void deactivate(UserAccount account) {
        try {
            directory.deactivate(caller.actor(), account.getUsername());
            info(words.with("users.deactivated", "user", account.getUsername()));
        } catch (BusinessException refused) {
            AccountRefusals.show("users", refused, words);
        }
    }

    public void reactivate(UserAccount account) {
        directory.reactivate(caller.actor(), account.getUsername());
        info(words.with("users.reactivated", "user", account.getUsername()));
    }

    public void unlock(UserAccount account) {
        directory.unlock(caller.actor(), account.getUsername());
        info(words.with("users.unlocked", "user", account.getUsername()));
    }

    public void clear() {
        changing = null;
        userName = displayName = credentials = email = password = oneTimePassword = profileSlug = null;
        profileVisible = false;
        profileNames = new HashMap<>();
        profileCredentials = new HashMap<>();
        profileBios = new HashMap<>();
        roles = new ArrayList<>();
        translatorLocales = new ArrayList<>();
    }

    private void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public int getMinPasswordLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    public List<String> getAllRoles() {
        return Role.ALL;
    }

    public List<String> getEnabledLocales() {
        return locales.all();
    }

    /** The enabled locales, named in the UI language, with their tags (as the configuration writes them). */
    public String getEnabledLocaleNames() {
        return locales.all().stream().map(tag -> localeName(tag) + " (" + tag + ")").collect(Collectors.joining(", "));
    }

    public String getChanging() {
        return changing;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getCredentials() {
        return credentials;
    }

    public void setCredentials(String credentials) {
        this.credentials = credentials;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getOneTimePassword() {
        return oneTimePassword;
    }

    public void setOneTimePassword(String oneTimePassword) {
        this.oneTimePassword = oneTimePassword;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public List<String> getTranslatorLocales() {
        return translatorLocales;
    }

    public void setTranslatorLocales(List<String> translatorLocales) {
        this.translatorLocales = translatorLocales;
    }
}
