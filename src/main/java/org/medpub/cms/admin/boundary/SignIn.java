package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.platform.boundary.EditorialSessions;
import org.medpub.cms.platform.boundary.EditorialSignIn;
import org.medpub.cms.platform.boundary.SessionCookies;
import org.medpub.cms.platform.control.UserDirectory;

/**
 * The sign-in form and the sign-out button of the editorial UI (the session itself: EditorialSignIn).
 * A sign-in switches the UI to the language the user chose on their account page, if they chose one.
 * <p>
 * The sign-in page is a stateless view: showing it, or a failed sign-in, starts no session, so
 * that anonymous requests hold no memory on the server; only a successful sign-in starts one,
 * which ends after {@code cms.admin.session-idle-minutes} without a request. A wrong password, an
 * unknown name and a locked account all get the same page (the lock is told to the account's
 * owner by e-mail and shown to admins). A stateless view carries no secret against a forged
 * cross-site post, so the browser's own word is taken instead ({@code Sec-Fetch-Site}, else
 * {@code Origin}): a sign-in posted from another site signs nobody in, which keeps an attacker
 * from signing a victim into the attacker's account (login CSRF).
 */
@Named
@RequestScoped
public class SignIn {

    @Inject
    Words words;

    @Inject
    UiLanguage language;

    @Inject
    UserDirectory users;

    @Inject
    @ConfigProperty(name = "cms.admin.session-idle-minutes")
    int sessionIdleMinutes;

    @Inject
    @ConfigProperty(name = "cms.admin.max-sessions")
    int maxSessions;

    private String userName;
    private String password;

    public String signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String typedPassword = password == null ? "" : password;
        password = null;
        if (fromAnotherSite(request)) {
            return refused(faces, response, HttpServletResponse.SC_FORBIDDEN, "login.error.otherSite");
        }
        if (EditorialSessions.open() >= maxSessions) {
            return refused(faces, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "login.error.busy");
        }
        String name = userName == null ? "" : userName.strip();
        var outcome = EditorialSignIn.signInWithForm(request, response, new UsernamePasswordCredential(name, typedPassword));
        return switch (outcome) {
            case SIGNED_IN -> {
                request.getSession().setMaxInactiveInterval(sessionIdleMinutes * 60);
                users.preferencesOf(name).uiLanguage().ifPresent(language::setTag);
                yield "/admin/index.xhtml?faces-redirect=true";
            }
            case BUSY -> refused(faces, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "login.error.busy");
            // a failed sign-in is the sign-in page again with a message, not an error page
            case REFUSED -> refused(faces, response, HttpServletResponse.SC_OK, "login.error.wrongCredentials");
        };
    }

    private String refused(FacesContext faces, HttpServletResponse response, int status, String reason) {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", "1");
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, words.text(reason), null));
        return null;
    }

    /**
     * Whether the browser says the post came from another site: {@code Sec-Fetch-Site} where it is
     * sent (current browsers, on HTTPS and localhost), else an {@code Origin} naming another host.
     * A client that sends neither (not a browser, or a very old one) is not a login-CSRF victim.
     */
    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI from = new URI(origin);
            String host = request.getHeader("Host");
            return from.getRawAuthority() == null || host == null || !from.getRawAuthority().equalsIgnoreCase(host);
        } catch (URISyntaxException unreadable) {
            return true;
        }
    }

    public String signOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        SessionCookies.mark(request, (HttpServletResponse) external.getResponse());
        external.invalidateSession();
        return "/admin/login.xhtml?faces-redirect=true";
    }

    public String getCaller() {
        // the container's principal: Soteria's SecurityContext looks up an EJB context first, which logged a stack trace
        var principal = ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getUserPrincipal();
        return principal == null ? null : principal.getName();
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
