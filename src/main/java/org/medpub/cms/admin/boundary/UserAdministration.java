package org.medpub.cms.admin.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.PasswordPolicy;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.platform.entity.UserAccount;

/** The admin's page of the editorial team's accounts: who may do what, into which locales, and who is locked out. */
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

    private String userName;
    private String displayName;
    private String credentials;
    private String email;
    private String password;
    private List<String> roles = new ArrayList<>();
    private List<String> translatorLocales = new ArrayList<>();
    // the account being changed; null while a new one is written
    private String changing;

    public List<UserAccount> getAccounts() {
        return directory.all();
    }

    public boolean locked(UserAccount account) {
        return account.isLockedAt(clock.instant());
    }

    public void change(UserAccount account) {
        changing = account.getUsername();
        roles = new ArrayList<>(account.getRoles());
        translatorLocales = new ArrayList<>(account.getLocales());
    }

    public void save() {
        try {
            if (changing == null) {
                directory.create(userName, password == null ? new char[0] : password.toCharArray(), displayName,
                        credentials, email, Set.copyOf(roles), Set.copyOf(translatorLocales));
                info(words.with("users.created", "user", userName));
            } else {
                directory.assign(changing, Set.copyOf(roles), Set.copyOf(translatorLocales));
                info(words.with("users.changed", "user", changing));
            }
            clear();
        } catch (PasswordPolicy.Refused weak) {
            password = null;
            FacesContext.getCurrentInstance().addMessage("account:password", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    words.with(weak.reasonKey(), "min", PasswordPolicy.MIN_LENGTH), null));
        } catch (BusinessException refused) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    words.textOr("problem." + refused.type() + ".title", refused.type()) + ": " + refused.getMessage(), null));
        }
    }

    public void unlock(UserAccount account) {
        directory.unlock(account.getUsername());
        info(words.with("users.unlocked", "user", account.getUsername()));
    }

    public void clear() {
        changing = null;
        userName = displayName = credentials = email = password = null;
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
