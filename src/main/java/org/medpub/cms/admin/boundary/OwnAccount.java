package org.medpub.cms.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.Messages;
import org.medpub.cms.platform.control.PasswordHashes;
import org.medpub.cms.platform.control.PasswordPolicy;
import org.medpub.cms.platform.control.TimeZones;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.entity.UserAccount;

/**
 * The signed-in user's own account page: how they are named to colleagues and readers, their
 * e-mail, the language of the editorial UI and the time zone of its times, and their password.
 * It always changes the caller's own account: no field names another.
 */
@Named
@ViewScoped
public class OwnAccount implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserDirectory directory;

    @Inject
    Caller caller;

    @Inject
    UiLanguage language;

    @Inject
    Words words;

    private String displayName;
    private String credentials;
    private String email;
    private String uiLanguage;
    private String timeZone;
    private String currentPassword;
    private String password;
    private String passwordAgain;

    @PostConstruct
    void load() {
        UserAccount account = account();
        displayName = account.getDisplayName();
        credentials = account.getCredentials();
        email = account.getEmail();
        uiLanguage = account.uiLanguage().orElse("");
        timeZone = account.timeZone().orElse("");
    }

    public String saveProfile() {
        try {
            directory.changeOwnAccount(caller.actor(), displayName, credentials, email, uiLanguage, timeZone);
        } catch (BusinessException refused) {
            AccountRefusals.show("profile", refused, words);
            return null;
        }
        if (uiLanguage != null && !uiLanguage.isBlank() && !uiLanguage.equals(language.getTag())) {
            language.setTag(uiLanguage);
            // this request's words are in the language it began in: the page is shown again in the new one
            Notices.info(Messages.in(language.getLocale()).text("account.saved"));
            Notices.keepForRedirect();
            return "/admin/account.xhtml?faces-redirect=true";
        }
        Notices.info(words.text("account.saved"));
        return null;
    }

    public void changePassword() {
        try {
            if (!Objects.equals(password, passwordAgain)) {
                Notices.error("passwordChange:passwordAgain", words.text("account.password.mismatch"));
                return;
            }
            directory.changePassword(caller.actor(), chars(currentPassword), chars(password));
            Notices.info(words.text("account.password.changed"));
        } catch (BusinessException refused) {
            AccountRefusals.show("passwordChange", refused, words);
        } catch (PasswordHashes.Busy busy) {
            AccountRefusals.busy(words);
        } finally {
            currentPassword = password = passwordAgain = null;
        }
    }

    /** Whether an admin set the password, so that the user must choose their own before anything else. */
    public boolean isPasswordChangeRequired() {
        return account().isPasswordChangeRequired();
    }

    public Set<String> getRoles() {
        return account().getRoles();
    }

    public List<String> getTimeZones() {
        return TimeZones.all();
    }

    public int getMinPasswordLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    public String getUserName() {
        return caller.name();
    }

    private UserAccount account() {
        return directory.find(caller.name()).orElseThrow();
    }

    private static char[] chars(String typed) {
        return typed == null ? new char[0] : typed.toCharArray();
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

    public String getUiLanguage() {
        return uiLanguage;
    }

    public void setUiLanguage(String uiLanguage) {
        this.uiLanguage = uiLanguage;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }
}
