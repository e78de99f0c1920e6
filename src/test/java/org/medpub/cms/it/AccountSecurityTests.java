package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.IdentityTests.PASSWORD;
import static org.medpub.cms.it.IdentityTests.newAccount;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Accounts against an attacker: nothing in an answer tells which accounts exist or are locked
 * (the lock goes to the owner by e-mail and to admins), passwords are hashed at a current cost
 * and must be strong, and the sign-in page keeps nothing on the server before a sign-in.
 */
abstract class AccountSecurityTests {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void item9_unknownNameWrongPasswordAndLockedAccountGetTheSameAnswer() {
        String wrong = newAccount("author");
        String locked = newAccount("author");
        DatabaseRows.update("update app_user set failed_logins = 5, locked_until = ? where username = ?",
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(15), locked);
        String unknown = unique("signin");
        // user name and password: unknown, wrong, locked, and locked with the right password
        List<List<String>> cases = List.of(List.of(unknown, "a wrong password"), List.of(wrong, "a wrong password"),
                List.of(locked, "a wrong password"), List.of(locked, PASSWORD));

        // HTTP Basic
        String basic = null;
        for (List<String> attempt : cases) {
            var reply = Api.as(attempt.get(0), attempt.get(1)).get("/api/articles?limit=1");
            String answer = reply.status() + "\n" + headers(reply.response()) + "\n" + reply.body();
            assertEquals(401, reply.status(), answer);
            if (basic == null) {
                basic = answer;
            }
            assertEquals(basic, answer, attempt.toString());
        }

        // the sign-in form: the same page, but for the name typed in again
        String form = null;
        for (List<String> attempt : cases) {
            var session = new AdminSession();
            var page = session.signIn(attempt.get(0), attempt.get(1));
            String answer = page.statusCode() + "\n" + headers(page) + "\n"
                    + page.body().replace("value=\"" + attempt.get(0) + "\"", "value=\"NAME\"");
            assertEquals(200, page.statusCode(), answer);
            assertTrue(page.body().contains("The user name or password is not correct."), answer);
            assertFalse(page.body().contains("locked"), answer);
            if (form == null) {
                form = answer;
            }
            assertEquals(form, answer, attempt.toString());
        }
    }

    @Test
    void item9_theLockIsToldToTheOwnerByMailAndShownToAdmins() {
        String user = newAccount("author");
        String address = user + "@example.org";
        DatabaseRows.update("update app_user set email = ? where username = ?", address, user);
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, Api.as(user, "wrong " + i).get("/api/articles?limit=1").status());
        }
        MimeMessage mail = Mailbox.awaitMail(user, Mailbox.to(address, "Your account " + user + " is locked"));
        String body = Mailbox.body(mail);
        assertTrue(body.contains("after 5 failed sign-ins in a row") && body.contains("an admin"), body);

        var page = new AdminSession().signIn(user, PASSWORD);
        assertTrue(page.body().contains("The user name or password is not correct."), "the form says nothing of the lock");

        var admin = new AdminSession();
        admin.signIn("admin", "demo");
        String users = admin.get("/admin/users.xhtml").body();
        String row = users.substring(users.indexOf("<td>" + user + "</td>"));
        assertTrue(row.substring(0, row.indexOf("</tr>")).contains("Locked until"), row);
    }

    @Test
    void item14_aSignInReplacesAnOldHashByOneAtTheCurrentCost() {
        String user = newAccount("author");
        assertTrue(storedHash(user).startsWith("PBKDF2WithHmacSHA256:2048:"), storedHash(user));

        assertEquals(200, Api.as(user, PASSWORD).get("/api/articles?limit=1").status());
        String rehashed = storedHash(user);
        assertTrue(rehashed.startsWith("PBKDF2WithHmacSHA256:600000:"), rehashed);

        var dashboard = new AdminSession().signIn(user, PASSWORD);
        assertTrue(dashboard.body().contains("Signed in as " + user), "the new hash verifies");
        assertEquals(rehashed, storedHash(user));
    }

    @Test
    void item14_theUsersPageRefusesAWeakPasswordSayingWhy() {
        String name = unique("weak").replace("-", "");
        var admin = new AdminSession();
        admin.signIn("admin", "demo");
        Map<String, String> reasons = Map.of(
                "demo", "The password must have at least 12 characters.",
                name + "2025", "The password must not be the user name.",
                "Password2025!", "This password is one that many people use.");
        for (var weak : reasons.entrySet()) {
            admin.get("/admin/users.xhtml");
            admin.submit("account", Map.of("account:userName", name, "account:displayName", "Weak Password",
                    "account:password", weak.getKey(), "account:roles", "author"), "account:save");
            assertTrue(admin.last.body().contains(weak.getValue()), admin.last.body());
            assertEquals(0, DatabaseRows.count("select count(*) from app_user where username = ?", name), weak.getKey());
        }
    }

    @Test
    void item16_theSignInPageStartsNoSession() {
        for (int i = 0; i < 50; i++) {
            var page = raw(HttpRequest.newBuilder(Api.base().resolve("/admin/login.xhtml")).GET());
            assertEquals(200, page.statusCode());
            assertEquals(List.of(), page.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("JSESSIONID")).toList(), "request " + i);
        }
        var protectedPage = raw(HttpRequest.newBuilder(Api.base().resolve("/admin/index.xhtml")).GET());
        assertEquals(302, protectedPage.statusCode());
        assertTrue(protectedPage.headers().allValues("Set-Cookie").isEmpty(), protectedPage.headers()::toString);

        var session = new AdminSession();
        session.signIn("author", "not the password");
        assertTrue(session.sessionCookiesSet.isEmpty(), "a failed sign-in starts none either");
        session.signIn("author", "demo");
        assertEquals(1, session.sessionCookiesSet.size(), "signing in starts one");
        assertTrue(session.last.body().contains("Signed in as author"));
    }

    @Test
    void item16_aSignInPostedFromAnotherSiteSignsNobodyIn() {
        for (Map<String, String> headers : List.of(Map.of("Origin", "http://attacker.example"),
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", "http://attacker.example"))) {
            var session = new AdminSession();
            session.get("/admin/login.xhtml");
            Map<String, String> fields = session.fields("login");
            fields.putAll(Map.of("login:userName", "author", "login:password", "demo", "login:signIn", "pressed"));
            var request = HttpRequest.newBuilder(Api.base().resolve("/admin/login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
            headers.forEach(request::header);
            var answer = raw(request);
            assertEquals(403, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("This sign-in came from another site and was refused."), answer.body());
            assertTrue(answer.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                    answer.headers()::toString);
        }
        var sameSite = new AdminSession();
        sameSite.get("/admin/login.xhtml");
        Map<String, String> fields = sameSite.fields("login");
        fields.putAll(Map.of("login:userName", "author", "login:password", "demo", "login:signIn", "pressed"));
        var answer = raw(HttpRequest.newBuilder(Api.base().resolve("/admin/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", Api.base().getScheme() + "://" + Api.base().getRawAuthority())
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        assertEquals(302, answer.statusCode(), answer.body());
        assertTrue(answer.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID")));
    }

    private static String storedHash(String user) {
        return DatabaseRows.text("select password_hash from app_user where username = ?", user);
    }

    /** The headers of an answer, sorted, but its date, its request id and any session id. */
    private static String headers(HttpResponse<?> response) {
        Map<String, List<String>> kept = new TreeMap<>(response.headers().map());
        kept.remove("date");
        kept.remove("x-request-id");
        return kept.toString().replaceAll("JSESSIONID=[^;,\\]]*", "JSESSIONID=…");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> raw(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
