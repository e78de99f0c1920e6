package org.medpub.cms.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The editorial UI's session cookie goes with requests from this site only ({@code SameSite=Lax}),
 * a second guard against cross-site posts besides the Faces view state. Payara Micro ignores the
 * attribute both in web.xml's {@code cookie-config} and in {@code SessionCookieConfig}, so the
 * cookie the server wrote is marked where the session starts: at sign-in ({@link EditorialSignIn}),
 * the only place one starts; the sign-in page and the reader site never get a session.
 */
final class SessionCookies {

    private SessionCookies() {
    }

    /** Adds {@code SameSite=Lax} to the session cookie the server has just set on the response, if any. */
    static void markSameSite(HttpServletRequest request, HttpServletResponse response) {
        String name = request.getServletContext().getSessionCookieConfig().getName();
        String prefix = (name == null ? "JSESSIONID" : name) + "=";
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.stream().noneMatch(cookie -> cookie.startsWith(prefix) && !cookie.contains("SameSite"))) {
            return;
        }
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i);
            String marked = cookie.startsWith(prefix) && !cookie.contains("SameSite") ? cookie + "; SameSite=Lax" : cookie;
            if (i == 0) {
                response.setHeader("Set-Cookie", marked);
            } else {
                response.addHeader("Set-Cookie", marked);
            }
        }
    }
}
