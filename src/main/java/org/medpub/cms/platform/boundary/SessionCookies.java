package org.medpub.cms.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The editorial UI's session cookie goes with requests from this site only ({@code SameSite=Lax}),
 * a second guard against cross-site posts besides the Faces view state, and only over TLS
 * ({@code Secure}) when the browser came over TLS. The server marks it {@code Secure} by itself for
 * a TLS connection of its own, but cannot know about the proxy in front that terminates TLS:
 * {@link SecurityHeaders#cameOverTls} does, when the operator trusts it. glassfish-web.xml gives
 * every session cookie {@code SameSite}; the cookie is marked here as well where the server writes
 * one: at sign-in ({@link EditorialSignIn}), the only place a session starts, and at sign-out, where
 * the server gives the ending session a new id and cookie. The sign-in page and the reader site
 * never get a session.
 */
public final class SessionCookies {

    private SessionCookies() {
    }

    /** Completes the session cookie the server has just set on the response, if any. */
    public static void mark(HttpServletRequest request, HttpServletResponse response) {
        boolean secure = SecurityHeaders.cameOverTls(request);
        String name = request.getServletContext().getSessionCookieConfig().getName();
        String prefix = (name == null ? "JSESSIONID" : name) + "=";
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.stream().noneMatch(cookie -> cookie.startsWith(prefix))) {
            return;
        }
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i);
            String marked = cookie;
            if (cookie.startsWith(prefix)) {
                if (!hasAttribute(cookie, "SameSite")) {
                    marked += "; SameSite=Lax";
                }
                if (secure && !hasAttribute(cookie, "Secure")) {
                    marked += "; Secure";
                }
            }
            if (i == 0) {
                response.setHeader("Set-Cookie", marked);
            } else {
                response.addHeader("Set-Cookie", marked);
            }
        }
    }

    private static boolean hasAttribute(String cookie, String attribute) {
        for (String part : cookie.split(";")) {
            String name = part.strip();
            int equals = name.indexOf('=');
            if ((equals < 0 ? name : name.substring(0, equals)).equalsIgnoreCase(attribute)) {
                return true;
            }
        }
        return false;
    }
}
