package org.medpub.cms.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The security headers of every answer, decided here for each area of the site, errors included
 * (an error page is dispatched again, and answers in the area of the address that failed):
 * <ul>
 * <li>the editorial UI ({@code /admin}): never stored by a browser or proxy, since its pages show
 * unpublished text to one signed-in person; scripts and styles from this site only. Jakarta Faces
 * writes its ajax calls and the pages' few handlers ({@code onchange}, {@code onclick}) into
 * attributes, which a policy can allow only as {@code 'unsafe-inline'}: no script, style or frame
 * comes from anywhere else, and nothing leaves by a form to another site. Images also from https
 * and data URLs, as on the reader page that the live preview shows.</li>
 * <li>the API and the operations addresses ({@code /api}, {@code /metrics}, {@code /health},
 * {@code /openapi}): never stored, nothing to run.</li>
 * <li>preview links ({@code /preview/}): never stored, and no referrer, since the address is the
 * only key to an unpublished text.</li>
 * <li>the reader site (everything else): no script at all; its caching is the page's own
 * ({@code ETag}, {@code Last-Modified}, {@code Cache-Control}) and left alone.</li>
 * </ul>
 * Everywhere: no MIME sniffing, no framing by other sites, and HSTS when the request came over TLS.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String TRUSTS_FORWARDED_PROTO = SecurityHeaders.class.getName() + ".trustsForwardedProto";
    /** A year, the figure browsers' preload lists ask for; subdomains are the operator's to include. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    /** What one area of the site answers with; a null Cache-Control leaves caching to the page. */
    enum Area {
        EDITORIAL("no-store", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self';"
                + " img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors 'none'", "same-origin"),
        API("no-store", "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'", "no-referrer"),
        PREVIEW("no-store", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; base-uri 'none';"
                + " form-action 'none'; frame-ancestors 'none'", "no-referrer"),
        SITE(null, "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; form-action 'self';"
                + " base-uri 'none'; frame-ancestors 'none'", "strict-origin-when-cross-origin");

        final String cacheControl;
        final String contentSecurityPolicy;
        final String referrerPolicy;

        Area(String cacheControl, String contentSecurityPolicy, String referrerPolicy) {
            this.cacheControl = cacheControl;
            this.contentSecurityPolicy = contentSecurityPolicy;
            this.referrerPolicy = referrerPolicy;
        }

        /** The area of a path below the context root. */
        static Area of(String path) {
            if (isUnder(path, "/admin")) {
                return EDITORIAL;
            }
            if (isUnder(path, "/api") || isUnder(path, "/metrics") || isUnder(path, "/health") || isUnder(path, "/openapi")) {
                return API;
            }
            return isUnder(path, "/preview") ? PREVIEW : SITE;
        }

        private static boolean isUnder(String path, String area) {
            return path.startsWith(area) && (path.length() == area.length() || path.charAt(area.length()) == '/');
        }
    }

    @Inject
    @ConfigProperty(name = "cms.http.trust-forwarded-proto")
    boolean trustForwardedProto;

    @Override
    public void init() {
        getServletContext().setAttribute(TRUSTS_FORWARDED_PROTO, trustForwardedProto);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /**
     * Sets the headers of the request's area. Also called by the sign-in module for the answers it
     * sends itself (a redirect to the sign-in page, a 401), which no servlet filter sees.
     */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        Area area = Area.of(addressed(request));
        if (area.cacheControl != null) {
            response.setHeader("Cache-Control", area.cacheControl);
        }
        response.setHeader("Content-Security-Policy", area.contentSecurityPolicy);
        response.setHeader("Referrer-Policy", area.referrerPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        if (cameOverTls(request)) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    /**
     * Whether the browser reached the site over TLS: directly, or through a proxy in front that
     * says so in {@code X-Forwarded-Proto} when {@code cms.http.trust-forwarded-proto} is on.
     * Otherwise the header is ignored, since any client could send it.
     */
    static boolean cameOverTls(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        if (!Boolean.TRUE.equals(request.getServletContext().getAttribute(TRUSTS_FORWARDED_PROTO))) {
            return false;
        }
        String forwarded = request.getHeader("X-Forwarded-Proto");
        if (forwarded == null) {
            return false;
        }
        // proxies that add to the header rather than replace it put the browser's side first
        int comma = forwarded.indexOf(',');
        return (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip().equalsIgnoreCase("https");
    }

    /** The path below the context root that the client asked for, also while its error page answers. */
    private static String addressed(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String original ? original : request.getRequestURI();
        return uri.substring(Math.min(request.getContextPath().length(), uri.length()));
    }
}
