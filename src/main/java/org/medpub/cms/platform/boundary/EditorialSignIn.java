package org.medpub.cms.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.medpub.cms.platform.control.AccountLockout;
import org.medpub.cms.platform.control.UserDirectory;

/**
 * How the editorial team signs in, against the same accounts and lockout everywhere. Jakarta
 * Security allows one mechanism per application, so this one does both:
 * <ul>
 * <li>everywhere else, above all {@code /api/*}: HTTP Basic on every request, stateless; where
 * a sign-in is needed a missing or wrong password is answered 401 with
 * {@code WWW-Authenticate: Basic realm="cms"}.</li>
 * <li>{@code /admin/*}: the sign-in form ({@code SecurityContext.authenticate} with the typed
 * credential) starts a session; later requests are signed in from it, with the account read
 * again each time, so that a locked account or a role taken away counts at once. Without a
 * session a protected page redirects to the sign-in page.</li>
 * </ul>
 * The open addresses (the reader site, health, preview links) never get a session.
 */
@ApplicationScoped
public class EditorialSignIn implements HttpAuthenticationMechanism {

    public static final String LOGIN_PAGE = "/admin/login.xhtml";
    private static final String SIGNED_IN = EditorialSignIn.class.getName() + ".user";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    UserDirectory users;

    @Inject
    AccountLockout lockout;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential typed = context.getAuthParameters().getCredential();
        if (typed != null) {
            return signInWithForm(request, response, context, typed);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/admin/") || path.equals("/admin")) {
            return fromSession(request, response, context);
        }
        return basic(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus signInWithForm(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, Credential typed) {
        CredentialValidationResult result = identityStores.validate(typed);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        // a new session id at sign-in, so that an id planted before it (session fixation) is worthless
        request.getSession(true);
        request.changeSessionId();
        SessionCookies.markSameSite(request, response);
        request.getSession().setAttribute(SIGNED_IN, result.getCallerPrincipal().getName());
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus fromSession(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        String username = session == null ? null : (String) session.getAttribute(SIGNED_IN);
        if (username != null) {
            var account = users.find(username).filter(found -> !lockout.isLocked(found));
            if (account.isPresent()) {
                return context.notifyContainerAboutLogin(username, account.get().getRoles());
            }
            session.invalidate();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        try {
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        UsernamePasswordCredential credential = basicCredential(request.getHeader("Authorization"));
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        if (context.isProtected()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"cms\"");
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    private static UsernamePasswordCredential basicCredential(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
