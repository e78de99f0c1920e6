package org.medpub.cms.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The editorial UI's session cookie goes with requests from this site only ({@code SameSite=Lax}),
 * a second guard against cross-site posts besides the Faces view state. Payara Micro ignores the
 * attribute both in web.xml's {@code cookie-config} and in {@code SessionCookieConfig}, so the
 * session is started here, before the page, and the cookie the server wrote is marked. Only
 * {@code /admin/*} gets a session; the reader site never does.
 */
@WebFilter("/admin/*")
public class SessionCookies extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.getSession(true);
        markSameSite(request, response);
        chain.doFilter(request, response);
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
