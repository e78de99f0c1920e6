package org.medpub.cms.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The editorial UI's session cookie goes only over TLS ({@code Secure}) when the browser came over
 * TLS. The server marks it so by itself for a TLS connection of its own, but cannot know about the
 * proxy in front that terminates TLS: {@link SecurityHeaders#cameOverTls} does, when the operator
 * trusts it. So each session cookie is marked here as soon as the server has written it: for a
 * session started by this filter or by a page, at sign-in ({@link EditorialSignIn}), and at
 * sign-out, where the server gives the ending session a new id and cookie. ({@code SameSite=Lax}
 * is the server's own, from glassfish-web.xml.)
 * Only {@code /admin/*} gets a session; the reader site never does.
 */
@WebFilter("/admin/*")
public class SessionCookies extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest marking = new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession(boolean create) {
                HttpSession session = super.getSession(create);
                if (session != null && session.isNew()) {
                    mark(request, response);
                }
                return session;
            }

            @Override
            public HttpSession getSession() {
                return getSession(true);
            }

            @Override
            public String changeSessionId() {
                String id = super.changeSessionId();
                mark(request, response);
                return id;
            }

            // signing out gives the session a new id (so the old cookie is worthless) before it ends
            @Override
            public void logout() throws ServletException {
                super.logout();
                mark(request, response);
            }
        };
        marking.getSession(true);
        chain.doFilter(marking, response);
    }

    /** Adds {@code Secure}, when the browser came over TLS, to the session cookie the server has just set on the response, if any. */
    static void mark(HttpServletRequest request, HttpServletResponse response) {
        if (!SecurityHeaders.cameOverTls(request)) {
            return;
        }
        String name = request.getServletContext().getSessionCookieConfig().getName();
        String prefix = (name == null ? "JSESSIONID" : name) + "=";
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.stream().noneMatch(cookie -> cookie.startsWith(prefix) && !isSecure(cookie))) {
            return;
        }
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i);
            String marked = cookie.startsWith(prefix) && !isSecure(cookie) ? cookie + "; Secure" : cookie;
            if (i == 0) {
                response.setHeader("Set-Cookie", marked);
            } else {
                response.addHeader("Set-Cookie", marked);
            }
        }
    }

    private static boolean isSecure(String cookie) {
        for (String attribute : cookie.split(";")) {
            if (attribute.strip().equalsIgnoreCase("Secure")) {
                return true;
            }
        }
        return false;
    }
}
