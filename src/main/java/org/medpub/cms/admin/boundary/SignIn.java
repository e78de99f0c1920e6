package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.medpub.cms.platform.boundary.EditorialSignIn;
import org.medpub.cms.platform.control.UserDirectory;

/** The sign-in form and the sign-out button of the editorial UI (the session itself: EditorialSignIn). */
@Named
@RequestScoped
public class SignIn {

    @Inject
    SecurityContext security;

    @Inject
    UserDirectory users;

    @Inject
    Clock clock;

    @Inject
    Words words;

    private String userName;
    private String password;

    public String signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        boolean signedIn = EditorialSignIn.signInWithForm((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                new UsernamePasswordCredential(userName == null ? "" : userName.strip(), password == null ? "" : password));
        if (signedIn) {
            return "/admin/index.xhtml?faces-redirect=true";
        }
        // a failed sign-in is the sign-in page again with a message, not an error page
        ((HttpServletResponse) external.getResponse()).setStatus(HttpServletResponse.SC_OK);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal(), null));
        password = null;
        return null;
    }

    public String signOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/admin/login.xhtml?faces-redirect=true";
    }

    public String getCaller() {
        var principal = security.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    private String refusal() {
        var lockedFor = users.find(userName == null ? "" : userName.strip())
                .flatMap(account -> account.lockedUntil())
                .map(until -> Duration.between(clock.instant(), until))
                .filter(left -> !left.isNegative() && !left.isZero());
        return lockedFor.map(left -> words.with("login.error.locked", "minutes", (left.toSeconds() + 59) / 60))
                .orElseGet(() -> words.text("login.error.wrongCredentials"));
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
