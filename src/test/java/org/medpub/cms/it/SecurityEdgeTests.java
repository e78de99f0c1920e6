package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, items 10, 11 and 13, over real HTTP: the security headers of each area, HSTS and the
 * Secure session cookie behind a trusted TLS proxy (this suite trusts X-Forwarded-Proto; the H2
 * suite shows the default, which ignores it), {@code /metrics} for admins only, and the admin
 * never reached by another spelling of its path.
 */
abstract class SecurityEdgeTests {

    private static final String EDITOR_BASIC = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("editor:demo".getBytes(StandardCharsets.UTF_8));

    final Api author = Api.as("author");
    final Api reader = Api.anonymous();

    @Test
    void item10_adminPagesAndTheApiAreNeverStoredAndAllowNoForeignScriptOrFrame() {
        AdminSession editor = new AdminSession();
        editor.get("/admin/login.xhtml");
        assertEditorialHeaders("sign-in page", editor.last);
        editor.signIn("editor", "demo");
        assertTrue(editor.last.uri().getPath().endsWith("/admin/index.xhtml"), editor.last.uri().toString());
        assertEditorialHeaders("dashboard", editor.last);

        assertApiHeaders("the API", author.get("/api/articles?limit=1").response());
        assertApiHeaders("a 401 problem", reader.get("/api/articles").response());
        assertApiHeaders("a 404 problem", author.get("/api/articles/999999999").response());

        // the sign-in module answers this one itself, before any servlet filter
        RawHttp.Answer toSignIn = RawHttp.get("/admin/index.xhtml");
        assertEquals(302, toSignIn.status(), toSignIn::toString);
        assertEquals("no-store", toSignIn.header("Cache-Control").orElse(null), toSignIn::toString);
        assertEquals("DENY", toSignIn.header("X-Frame-Options").orElse(null), toSignIn::toString);
        assertEquals("nosniff", toSignIn.header("X-Content-Type-Options").orElse(null), toSignIn::toString);
    }

    @Test
    void item10_readerPagesStayCacheableUnderAPolicyWithoutScript() {
        String slug = unique("headers");
        Workflow.publish(author, RevisionApiTests.path(author.post("/api/articles", article(slug))) + "/locales/en");

        var page = reader.get("/en/articles/" + slug);

        assertEquals(200, page.status(), page::toString);
        String policy = page.header("Content-Security-Policy").orElseThrow();
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        assertFalse(policy.contains("script-src"), "no script on a reader page: " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElseThrow());
        assertEquals("strict-origin-when-cross-origin", page.header("Referrer-Policy").orElseThrow());
        assertEquals("DENY", page.header("X-Frame-Options").orElseThrow());
        String caching = page.header("Cache-Control").orElseThrow();
        assertFalse(caching.contains("no-store") || caching.contains("private"), caching);
        assertTrue(page.header("Last-Modified").isPresent(), () -> page.response().headers().toString());
        String etag = page.header("ETag").orElseThrow();
        assertEquals(304, reader.send(reader.request("/en/articles/" + slug).header("If-None-Match", etag)).status());
        assertTrue(page.header("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
    }

    @Test
    void item10_behindATrustedTlsProxyTheSessionCookieIsSecureAndHstsIsSent() {
        AdminSession direct = new AdminSession();
        direct.signIn("editor", "demo");
        String plainCookie = sessionCookie(direct.lastRedirect);
        assertFalse(hasAttribute(plainCookie, "Secure"), plainCookie);
        assertTrue(direct.last.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");

        AdminSession proxied = new AdminSession().with("X-Forwarded-Proto", "https");
        proxied.signIn("editor", "demo");
        String signedIn = sessionCookie(proxied.lastRedirect);
        assertTrue(hasAttribute(signedIn, "Secure") && hasAttribute(signedIn, "SameSite=Lax"), signedIn);
        assertTrue(hasAttribute(signedIn, "HttpOnly"), signedIn);
        assertEquals("max-age=31536000", proxied.last.headers().firstValue("Strict-Transport-Security").orElse(null));
        for (String path : List.of("/en/", "/api/articles?limit=1", "/admin/login.xhtml")) {
            assertEquals("max-age=31536000", author.send(author.request(path).header("X-Forwarded-Proto", "https"))
                    .header("Strict-Transport-Security").orElse(null), path);
        }
    }

    @Test
    void item10_aSessionCookieSetAtSignOutIsSameSiteLikeTheSignInCookie() {
        AdminSession editor = new AdminSession();
        editor.signIn("editor", "demo");
        assertTrue(hasAttribute(sessionCookie(editor.lastRedirect), "SameSite=Lax"), "sign-in");

        editor.submit("signOut", Map.of(), "signOut:signOut");

        assertTrue(editor.last.uri().getPath().endsWith("/admin/login.xhtml"), editor.last.uri().toString());
        sessionCookies(editor.lastRedirect).forEach(cookie ->
                assertTrue(hasAttribute(cookie, "SameSite=Lax") && hasAttribute(cookie, "HttpOnly"), cookie));

        AdminSession proxied = new AdminSession().with("X-Forwarded-Proto", "https");
        proxied.signIn("editor", "demo");
        proxied.submit("signOut", Map.of(), "signOut:signOut");
        sessionCookies(proxied.lastRedirect).forEach(cookie ->
                assertTrue(hasAttribute(cookie, "Secure") && hasAttribute(cookie, "SameSite=Lax"), cookie));
    }

    @Test
    void item11_metricsAnswerAdminsOnly() {
        for (String path : List.of("/metrics", "/metrics/base", "/metrics?scope=vendor")) {
            var anonymous = reader.get(path);
            assertEquals(401, anonymous.status(), path + ": " + anonymous.body());
            assertTrue(anonymous.header("WWW-Authenticate").orElseThrow().startsWith("Basic"), path);
            assertFalse(anonymous.body().contains("# TYPE"), anonymous::body);
            var editor = Api.as("editor").get(path);
            assertEquals(403, editor.status(), path + ": " + editor.body());
            assertTrue(editor.header("Content-Type").orElseThrow().startsWith("application/problem+json"), path);
            assertFalse(editor.body().contains("# TYPE"), editor::body);
        }
        assertEquals(403, Api.as("author").get("/metrics").status());

        var admin = Api.as("admin").get("/metrics");

        assertEquals(200, admin.status(), admin::toString);
        assertTrue(admin.header("Content-Type").orElseThrow().startsWith("text/plain"), admin.header("Content-Type")::get);
        assertTrue(admin.body().contains("# TYPE "), "Prometheus text: " + admin.body());
        assertEquals("no-store", admin.header("Cache-Control").orElseThrow());
        assertEquals(404, RawHttp.get("/%6detrics", EDITOR_BASIC).status());
    }

    @Test
    void item13_noSpellingOfAnAdminPathReachesTheAdminWithBasic() {
        for (String path : List.of("/admin/index.xhtml", "/admin/users.xhtml", "/admin/")) {
            RawHttp.Answer answer = RawHttp.get(path, EDITOR_BASIC);
            assertEquals(302, answer.status(), "Basic is no sign-in to the admin: " + path + " -> " + answer);
        }
        for (String path : List.of("/%61dmin/index.xhtml", "//admin/index.xhtml", "/x/../admin/index.xhtml",
                "/admin/./index.xhtml", "/admin;x=1/index.xhtml", "/admin/index.xhtml;x=1", "/admin%2Findex.xhtml",
                "/admin%2findex.xhtml", "/admin%5Cindex.xhtml", "/admin\\index.xhtml", "/ADMIN/index.xhtml",
                "/Admin/index.xhtml", "/admin/%2e/index.xhtml", "/%2e/admin/index.xhtml", "/%61dmin/users.xhtml",
                "/adm%69n/", "/admin//index.xhtml", "//api/articles", "/%61pi/articles", "/api/./articles")) {
            RawHttp.Answer answer = RawHttp.get(path, EDITOR_BASIC);
            assertTrue(answer.status() == 404 || answer.status() == 400, path + " -> " + answer);
            assertFalse(answer.text().contains("Dashboard") || answer.text().contains("jakarta.faces.ViewState"),
                    path + " -> " + answer);
        }
    }

    private static void assertEditorialHeaders(String what, HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), what);
        Function<String, String> header = name -> page.headers().firstValue(name)
                .orElseThrow(() -> new AssertionError(what + " has no " + name + ": " + page.headers()));
        assertEquals("no-store", header.apply("Cache-Control"), what);
        String policy = header.apply("Content-Security-Policy");
        assertTrue(policy.startsWith("default-src 'self';"), what + ": " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'")
                && policy.contains("form-action 'self'"), what + ": " + policy);
        assertEquals("nosniff", header.apply("X-Content-Type-Options"), what);
        assertEquals("same-origin", header.apply("Referrer-Policy"), what);
        assertEquals(List.of("DENY"), page.headers().allValues("X-Frame-Options"), what);
    }

    private static void assertApiHeaders(String what, HttpResponse<String> answer) {
        Function<String, String> header = name -> answer.headers().firstValue(name)
                .orElseThrow(() -> new AssertionError(what + " has no " + name + ": " + answer.headers()));
        assertEquals("no-store", header.apply("Cache-Control"), what);
        assertTrue(header.apply("Content-Security-Policy").startsWith("default-src 'none';"), what);
        assertTrue(header.apply("Content-Security-Policy").contains("frame-ancestors 'none'"), what);
        assertEquals("nosniff", header.apply("X-Content-Type-Options"), what);
        assertEquals("no-referrer", header.apply("Referrer-Policy"), what);
        assertEquals(List.of("DENY"), answer.headers().allValues("X-Frame-Options"), what);
    }

    private static String sessionCookie(HttpResponse<String> answer) {
        return sessionCookies(answer).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + answer.headers()));
    }

    private static List<String> sessionCookies(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).toList();
    }

    private static boolean hasAttribute(String cookie, String attribute) {
        return List.of(cookie.split(";")).stream()
                .map(part -> part.strip().toLowerCase(Locale.ROOT))
                .anyMatch(part -> part.equals(attribute.toLowerCase(Locale.ROOT)));
    }
}
