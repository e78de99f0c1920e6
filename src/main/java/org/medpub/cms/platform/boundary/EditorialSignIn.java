package org.medpub.cms.platform.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.medpub.cms.platform.control.AccountLockout;
import org.medpub.cms.platform.control.DatabaseOutage;
import org.medpub.cms.platform.control.PasswordHashes;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.entity.UserAccount;

/**
 * How the editorial team signs in, against the same accounts (the application's identity store,
 * with its lockout) everywhere:
 * <ul>
 * <li>everywhere but {@code /admin}, above all {@code /api/*}: HTTP Basic (RFC 7617) on every
 * request, stateless; where a sign-in is needed a missing or wrong password is answered 401 with
 * {@code WWW-Authenticate: Basic realm="cms"}.</li>
 * <li>{@code /admin/*}: the sign-in form ({@link #signInWithForm}) starts a session; later
 * requests are signed in from it, with the account read again each time, so that a locked account
 * or a role taken away counts at once. Without a session a protected page redirects to the
 * sign-in page.</li>
 * <li>{@code GET} and {@code HEAD} under {@code /api/} without an {@code Authorization} header: that
 * session too, so that the editorial UI's links into the API (the XLIFF download) work for the
 * signed-in user, with the same roles and rules as over Basic. A request that changes something
 * ({@code POST}, {@code PUT}, {@code DELETE}, …) is never signed in from the session: a cookie goes
 * with requests another site makes the browser send, and only the UI's forms carry the Faces view
 * state that guards against that. Reading through a forged request gives the other site nothing,
 * since the browser shows it the answer to no script of its.</li>
 * </ul>
 * A deactivated account signs in neither way, and its sessions end at their next request. An
 * account whose password an admin set (a one-time password) is signed in by the form, but every
 * protected page then leads to the password form of the user's own account page
 * ({@link #ACCOUNT_PAGE}) until the password is changed; HTTP Basic with it is refused with a 403 problem
 * {@value #PASSWORD_CHANGE_REQUIRED}, as a script cannot choose a password for its owner.
 * Which addresses need a sign-in, and which roles, is web.xml's to say. The open addresses (the
 * reader site, health, preview links) never get a session.
 * <p>
 * It is a Jakarta Authentication module of its own rather than a Jakarta Security
 * {@code HttpAuthenticationMechanism} because the container runs it for every request, reader
 * pages included, and Payara's bridge to such a mechanism looked the mechanism up through JNDI and
 * CDI on each one: a third of the CPU time of a cached reader page. This module does next to
 * nothing for a request without credentials to an open address.
 */
public final class EditorialSignIn implements ServerAuthModule {

    public static final String LOGIN_PAGE = "/admin/login.xhtml";
    /** The signed-in user's own account page, where a one-time password is replaced. */
    public static final String ACCOUNT_PAGE = "/admin/account.xhtml";
    static final String PASSWORD_CHANGE_REQUIRED = "password-change-required";
    static final String REALM = "cms";
    private static final String SIGNED_IN = EditorialSignIn.class.getName() + ".user";
    private static final String TYPED = EditorialSignIn.class.getName() + ".typed";
    private static final String BUSY = EditorialSignIn.class.getName() + ".busy";
    private static final String IS_MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

    private final IdentityStoreHandler identityStores;
    private final UserDirectory users;
    private final AccountLockout lockout;
    private CallbackHandler container;

    EditorialSignIn(IdentityStoreHandler identityStores, UserDirectory users, AccountLockout lockout) {
        this.identityStores = identityStores;
        this.users = users;
        this.lockout = lockout;
    }

    /** Installs the module for the application when it starts, and takes it away when it stops. */
    @WebListener
    public static class Registration implements ServletContextListener {

        @Inject
        IdentityStoreHandler identityStores;

        @Inject
        UserDirectory users;

        @Inject
        AccountLockout lockout;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            AuthConfigFactory.getFactory().registerServerAuthModule(
                    new EditorialSignIn(identityStores, users, lockout), event.getServletContext());
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
        }
    }

    /** What became of a sign-in with the form. */
    public enum FormSignIn {
        SIGNED_IN,
        /** a wrong password, an unknown name or a locked account: one answer for all three */
        REFUSED,
        /** no core was free to check the password in time (see {@link PasswordHashes}) */
        BUSY
    }

    /** Signs in with what the editorial UI's sign-in form was given, starting the session. */
    public static FormSignIn signInWithForm(HttpServletRequest request, HttpServletResponse response,
            UsernamePasswordCredential typed) throws IOException {
        request.setAttribute(TYPED, typed);
        boolean signedIn;
        try {
            signedIn = request.authenticate(response);
        } catch (ServletException refused) {
            signedIn = false;
        } finally {
            request.removeAttribute(TYPED);
        }
        if (request.getAttribute(BUSY) != null) {
            request.removeAttribute(BUSY);
            return FormSignIn.BUSY;
        }
        return signedIn ? FormSignIn.SIGNED_IN : FormSignIn.REFUSED;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.container = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        HttpServletResponse response = (HttpServletResponse) message.getResponseMessage();
        if (!CanonicalPath.isCanonical(request.getRequestURI())) {
            return notFound(response);
        }
        // the answers this module sends itself pass no servlet filter
        SecurityHeaders.apply(request, response);
        boolean mandatory = Boolean.parseBoolean(String.valueOf(message.getMap().get(IS_MANDATORY)));
        try {
            if (request.getAttribute(TYPED) instanceof Credential typed) {
                return signInWithForm(request, response, client, typed);
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/admin/") || path.equals("/admin")) {
                return fromSession(request, response, client, mandatory, path);
            }
            if (readsTheApiWithSession(request, path)) {
                // a one-time password opens only the password form, never the API
                Optional<UserAccount> account = sessionAccount(request).filter(open -> !open.isPasswordChangeRequired());
                if (account.isPresent()) {
                    return signedIn(new CallerPrincipalCallback(client, account.get().getUsername()), account.get().getRoles());
                }
            }
            return basic(request, response, client, mandatory);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            if (!mandatory) {
                // the container goes on to a page open to all whatever is answered here: it is served
                // to nobody in particular, and answers 503 itself if it needs the database
                return anonymous(client);
            }
            // the accounts cannot be read: 503 rather than the container's empty 500
            try {
                DatabaseUnavailable.answer(request, response, e);
            } catch (IOException io) {
                throw (AuthException) new AuthException("Could not answer 503").initCause(io);
            }
            return AuthStatus.SEND_CONTINUE;
        }
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        HttpSession session = ((HttpServletRequest) message.getRequestMessage()).getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    private AuthStatus signInWithForm(HttpServletRequest request, HttpServletResponse response, Subject client,
            Credential typed) throws AuthException {
        CredentialValidationResult result;
        try {
            result = identityStores.validate(typed);
        } catch (PasswordHashes.Busy busy) {
            request.setAttribute(BUSY, Boolean.TRUE);
            return AuthStatus.SEND_FAILURE;
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthStatus.SEND_FAILURE;
        }
        // a new session id at sign-in, so that an id planted before it (session fixation) is worthless
        request.getSession(true);
        request.changeSessionId();
        SessionCookies.mark(request, response);
        request.getSession().setAttribute(SIGNED_IN, result.getCallerPrincipal().getName());
        return signedIn(new CallerPrincipalCallback(client, result.getCallerPrincipal()), result.getCallerGroups());
    }

    private AuthStatus fromSession(HttpServletRequest request, HttpServletResponse response, Subject client,
            boolean mandatory, String path) throws AuthException {
        Optional<UserAccount> account = sessionAccount(request);
        if (account.isPresent()) {
            if (mandatory && account.get().isPasswordChangeRequired() && !path.equals(ACCOUNT_PAGE)) {
                return redirect(request, response, ACCOUNT_PAGE);
            }
            return signedIn(new CallerPrincipalCallback(client, account.get().getUsername()), account.get().getRoles());
        }
        if (!mandatory) {
            return anonymous(client);
        }
        return redirect(request, response, LOGIN_PAGE);
    }

    private static AuthStatus redirect(HttpServletRequest request, HttpServletResponse response, String page)
            throws AuthException {
        try {
            response.sendRedirect(request.getContextPath() + page);
        } catch (IOException e) {
            throw (AuthException) new AuthException("Could not redirect to " + page).initCause(e);
        }
        return AuthStatus.SEND_CONTINUE;
    }

    /**
     * The account of the session's user while it is open (not locked, not deactivated); a session
     * whose account closed is ended.
     */
    private Optional<UserAccount> sessionAccount(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String username = session == null ? null : (String) session.getAttribute(SIGNED_IN);
        if (username == null) {
            return Optional.empty();
        }
        Optional<UserAccount> account = users.find(username).filter(found -> !lockout.isLocked(found) && found.isActive());
        if (account.isEmpty()) {
            session.invalidate();
        }
        return account;
    }

    /** A read of the API by the editorial UI's browser: no password of its own, a session cookie. */
    private static boolean readsTheApiWithSession(HttpServletRequest request, String path) {
        String method = request.getMethod();
        return path.startsWith("/api/") && request.getHeader("Authorization") == null
                && ("GET".equals(method) || "HEAD".equals(method)) && request.getRequestedSessionId() != null;
    }

    private AuthStatus basic(HttpServletRequest request, HttpServletResponse response, Subject client,
            boolean mandatory) throws AuthException {
        UsernamePasswordCredential credential = basicCredential(request.getHeader("Authorization"));
        if (credential != null) {
            CredentialValidationResult result;
            try {
                result = identityStores.validate(credential);
            } catch (PasswordHashes.Busy busy) {
                return mandatory ? busy(response) : anonymous(client);
            }
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                String username = result.getCallerPrincipal().getName();
                if (users.find(username).filter(UserAccount::isPasswordChangeRequired).isEmpty()) {
                    return signedIn(new CallerPrincipalCallback(client, result.getCallerPrincipal()), result.getCallerGroups());
                }
                return mandatory ? passwordChangeRequired(request, response) : anonymous(client);
            }
        }
        if (!mandatory) {
            return anonymous(client);
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        try {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } catch (IOException e) {
            throw (AuthException) new AuthException("Could not answer 401").initCause(e);
        }
        return AuthStatus.SEND_FAILURE;
    }

    /** A one-time password over HTTP Basic: 403, saying where to choose a password of one's own. */
    private static AuthStatus passwordChangeRequired(HttpServletRequest request, HttpServletResponse response)
            throws AuthException {
        try {
            CDI.current().select(ProblemAnswers.class).get().send(request, response, PASSWORD_CHANGE_REQUIRED,
                    HttpServletResponse.SC_FORBIDDEN, "An admin set this password for one sign-in only: sign in at "
                            + request.getContextPath() + LOGIN_PAGE + " and choose a password of your own");
            response.flushBuffer();
        } catch (IOException e) {
            throw (AuthException) new AuthException("Could not answer 403").initCause(e);
        }
        return AuthStatus.SEND_CONTINUE;
    }

    /** No core was free to check the password in time: 503, to be tried again in a moment. */
    private static AuthStatus busy(HttpServletResponse response) throws AuthException {
        response.setHeader("Retry-After", "1");
        try {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (IOException e) {
            throw (AuthException) new AuthException("Could not answer 503").initCause(e);
        }
        return AuthStatus.SEND_FAILURE;
    }

    /**
     * A path written otherwise than the container serves it is answered like an unknown address,
     * before any sign-in, so that the {@code /admin} decided here is the one the container serves.
     */
    private static AuthStatus notFound(HttpServletResponse response) throws AuthException {
        try {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (IOException e) {
            throw (AuthException) new AuthException("Could not answer 404").initCause(e);
        }
        return AuthStatus.SEND_FAILURE;
    }

    /** User name and password of a Basic Authorization header, or null when it holds none. */
    static UsernamePasswordCredential basicCredential(String header) {
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

    private AuthStatus signedIn(CallerPrincipalCallback caller, Set<String> roles) throws AuthException {
        tell(caller, new GroupPrincipalCallback(caller.getSubject(), roles.toArray(String[]::new)));
        return AuthStatus.SUCCESS;
    }

    private AuthStatus anonymous(Subject client) throws AuthException {
        tell(new CallerPrincipalCallback(client, (Principal) null));
        return AuthStatus.SUCCESS;
    }

    private void tell(Callback... callbacks) throws AuthException {
        try {
            container.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw (AuthException) new AuthException("The container refused the caller").initCause(e);
        }
    }
}
