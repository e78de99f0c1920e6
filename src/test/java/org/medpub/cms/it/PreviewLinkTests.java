package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Fixtures.with;
import static org.medpub.cms.it.RevisionApiTests.path;

import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medpub.cms.workflow.control.PreviewLinks;

/**
 * Preview links: a reviewer or editor shares one unpublished revision with someone without a
 * login. The page shows that revision only, and every token that is not a valid link answers
 * exactly like an address that never existed.
 */
abstract class PreviewLinkTests {

    static final String SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:";

    final Api author = Api.as("author");
    final Api reviewer = Api.as("reviewer");
    final Api reader = Api.anonymous();

    @Test
    void aLinkShowsTheRevisionItWasMadeForAndNothingElse() {
        String first = unique("firstmarker");
        String second = unique("secondmarker");
        String slug = unique("preview");
        String path = path(author.post("/api/articles", with(article(slug), "body", "Dose: " + first)));
        assertEquals(200, author.put(path + "/locales/en", edit(slug, "Dose: " + second, "new dose"), "\"r1\"").status());

        var link = reviewer.post(path + "/locales/en/revisions/1/preview-link", Map.of());

        assertEquals(201, link.status(), link::toString);
        String url = link.json().get("url").asText();
        assertTrue(url.matches("/preview/[A-Za-z0-9_.-]+"), url);
        assertTrue(link.header("Location").orElseThrow().endsWith(url));
        assertEquals("no-store", link.header("Cache-Control").orElseThrow());
        Instant expiresAt = Instant.parse(link.json().get("expiresAt").asText());
        assertAbout(Instant.now().plus(Duration.ofHours(48)), expiresAt);

        var page = reader.get(url);

        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains(first), page::body);
        assertFalse(page.body().contains(second), "revision 2 must not show");
        assertTrue(page.body().startsWith("<!DOCTYPE html>"), page::body);
        assertTrue(page.body().contains("<html lang=\"en\" dir=\"ltr\">"), page::body);
        assertTrue(page.body().contains("Preview — not published"), page::body);
        assertTrue(page.body().contains("<h1>Living with migraine</h1>"), page::body);
        assertTrue(page.body().contains("<a href=\"https://doi.org/10.1000/migraine.2024\""), page::body);
        assertEquals("text/html;charset=utf-8", page.header("Content-Type").orElseThrow().toLowerCase().replace(" ", ""));
        assertEquals("no-store", page.header("Cache-Control").orElseThrow());
        assertEquals("noindex, nofollow", page.header("X-Robots-Tag").orElseThrow());
        assertEquals("no-referrer", page.header("Referrer-Policy").orElseThrow());
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElseThrow());
        assertTrue(page.header("Content-Security-Policy").orElseThrow().startsWith(SECURITY_POLICY),
                () -> page.header("Content-Security-Policy").orElseThrow());
        assertTrue(page.header("Set-Cookie").isEmpty(), "no session: " + page.response().headers());

        var later = reviewer.post(path + "/locales/en/revisions/2/preview-link", Map.of());
        var secondPage = reader.get(later.json().get("url").asText());
        assertTrue(secondPage.body().contains(second));
        assertFalse(secondPage.body().contains(first));
    }

    @Test
    void validForHoursSetsTheExpiryFromOneHourToAWeek() {
        String path = path(author.post("/api/articles", article(unique("validity"))));
        String linkPath = path + "/locales/en/revisions/1/preview-link";

        var hour = reviewer.post(linkPath, Map.of("validForHours", 1));
        assertEquals(201, hour.status(), hour::toString);
        assertAbout(Instant.now().plus(Duration.ofHours(1)), Instant.parse(hour.json().get("expiresAt").asText()));
        var week = reviewer.post(linkPath, Map.of("validForHours", 168));
        assertAbout(Instant.now().plus(Duration.ofDays(7)), Instant.parse(week.json().get("expiresAt").asText()));
        var withoutBody = reviewer.send(reviewer.request(linkPath).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(201, withoutBody.status(), withoutBody::toString);
        assertAbout(Instant.now().plus(Duration.ofHours(48)), Instant.parse(withoutBody.json().get("expiresAt").asText()));

        for (String wrong : new String[] {"{\"validForHours\": 0}", "{\"validForHours\": 169}", "{\"validForHours\": -1}",
                "{\"validForHours\": \"48\"}", "{\"validForDays\": 2}", "[1]", "{"}) {
            var refused = reviewer.post(linkPath, wrong);
            assertEquals(400, refused.status(), wrong + " " + refused);
            assertTrue(refused.header("Content-Type").orElseThrow().startsWith("application/problem+json"), wrong);
        }
        assertEquals("validForHours", reviewer.post(linkPath, "{\"validForHours\": 169}").json()
                .get("errors").get(0).get("field").asText());
    }

    @Test
    void reviewersEditorsAndAdminsMayMakeLinksOthersMayNot() {
        String linkPath = path(author.post("/api/articles", article(unique("roles")))) + "/locales/en/revisions/1/preview-link";

        for (String user : new String[] {"reviewer", "editor", "admin"}) {
            assertEquals(201, Api.as(user).post(linkPath, Map.of()).status(), user);
        }
        for (String user : new String[] {"author", "translator"}) {
            var refused = Api.as(user).post(linkPath, Map.of());
            assertEquals(403, refused.status(), user + " " + refused);
            assertTrue(refused.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertEquals(403, refused.json().get("status").asInt());
            assertFalse(refused.body().contains("/preview/"), refused::body);
        }
        assertEquals(401, reader.post(linkPath, Map.of()).status());
    }

    @Test
    void unknownArticlesLocalesAndRevisionsAre404() {
        String path = path(author.post("/api/articles", article(unique("unknown"))));
        for (String missing : new String[] {"/api/articles/99999999/locales/en/revisions/1",
                "/api/articles/abc/locales/en/revisions/1", path + "/locales/de/revisions/1",
                path + "/locales/xx/revisions/1", path + "/locales/en/revisions/2", path + "/locales/en/revisions/0",
                path + "/locales/en/revisions/abc", path + "/locales/en/revisions/99999999999"}) {
            var answer = reviewer.post(missing + "/preview-link", Map.of());
            assertEquals(404, answer.status(), missing + " " + answer);
            assertEquals(404, answer.json().get("status").asInt(), missing);
        }
        assertEquals(200, author.get(path + "/locales/en/revisions/1").status(), "the revision routes stay intact");
    }

    @Test
    void aChangedOrTruncatedTokenIsAnswered404LikeAnUnknownAddress() {
        String path = path(author.post("/api/articles", with(article(unique("tamper")), "body", unique("tampermarker"))));
        String url = reviewer.post(path + "/locales/en/revisions/1/preview-link", Map.of()).json().get("url").asText();
        String token = url.substring("/preview/".length());
        var nonsense = reader.get("/preview/nonsense");
        assertEquals(404, nonsense.status());
        assertEquals(reader.get("/" + unique("nowhere")).body(), nonsense.body(), "the answer of any unknown address");
        assertTrue(nonsense.header("Content-Type").orElseThrow().startsWith("text/html"));

        int dot = token.indexOf('.');
        for (String wrong : new String[] {
                changed(token, dot / 2), changed(token, dot + 5), changed(token, token.length() - 1),
                token.substring(0, token.length() - 1), token.substring(0, dot + 1), token.substring(0, dot),
                token.substring(dot + 1), token + "A", token + "/x"}) {
            var answer = reader.get("/preview/" + wrong);
            assertEquals(404, answer.status(), wrong);
            assertEquals(nonsense.body(), answer.body(), wrong);
        }
        assertEquals(200, reader.get(url).status(), "the untouched link still works");
    }

    @Test
    void expiredForeignAndDanglingLinksAre404() {
        String marker = unique("expiredmarker");
        String path = path(author.post("/api/articles", with(article(unique("expired")), "body", marker)));
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        byte[] serverKey = Base64.getDecoder().decode(
                DatabaseRows.text("select setting_value from app_setting where name = 'preview-link-key'"));
        var server = new PreviewLinks(serverKey, Clock.systemUTC());
        var twoDaysAgo = new PreviewLinks(serverKey, Clock.offset(Clock.systemUTC(), Duration.ofHours(-49)));
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        var foreign = new PreviewLinks(otherKey, Clock.systemUTC());
        var nonsense = reader.get("/preview/nonsense");

        assertTrue(reader.get(url(server, id, "en", 1)).body().contains(marker), "signed with the server's key");
        for (String url : new String[] {url(twoDaysAgo, id, "en", 1), url(foreign, id, "en", 1),
                url(server, id, "en", 2), url(server, id, "de", 1), url(server, 99999999, "en", 1)}) {
            var answer = reader.get(url);
            assertEquals(404, answer.status(), url);
            assertEquals(nonsense.body(), answer.body(), url);
        }
    }

    @Test
    void scanningPreviewAddressesFindsNothing() {
        String marker = unique("scanmarker");
        author.post("/api/articles", with(article(unique("scan")), "body", marker));
        var nonsense = reader.get("/preview/nonsense");
        for (String address : new String[] {"/preview/", "/preview", "/preview/123abc", "/preview/-1", "/preview/1",
                "/preview/99999999999999999999", "/preview/a.b", "/preview/%2e%2e", "/preview/" + "A".repeat(5000)}) {
            var answer = reader.get(address);
            assertEquals(404, answer.status(), address);
            assertEquals(nonsense.body(), answer.body(), address);
            assertFalse(answer.body().contains(marker), address);
        }
    }

    @Test
    void htmlInTheMarkdownIsShownAsTextNeverRun() {
        String path = path(author.post("/api/articles", with(article(unique("script")), "body",
                "<script>alert(1)</script>\n\nA [link](javascript:alert(2)) and <img src=x onerror=alert(3)>.")));
        String url = reviewer.post(path + "/locales/en/revisions/1/preview-link", Map.of()).json().get("url").asText();

        String page = reader.get(url).body();

        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("javascript:"), page);
    }

    @Test
    void anArabicTranslationPreviewsRightToLeftWithAnArabicBanner() {
        String path = path(author.post("/api/articles", article(unique("arabic"))));
        var translation = with(edit(unique("ar"), "## ما هو الصداع النصفي\n\nصداع نابض.", "ترجمة"), "title", "العيش مع الصداع النصفي");
        assertEquals(201, author.put(path + "/locales/ar", translation, null).status());

        String url = reviewer.post(path + "/locales/ar/revisions/1/preview-link", Map.of()).json().get("url").asText();
        var page = reader.get(url);

        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("<html lang=\"ar\" dir=\"rtl\">"), page::body);
        assertTrue(page.body().contains("معاينة — غير منشور"), page::body);
        assertTrue(page.body().contains("<h1>العيش مع الصداع النصفي</h1>"), page::body);
    }

    private static String url(PreviewLinks links, long articleId, String locale, int revision) {
        return "/preview/" + links.token(links.link(articleId, locale, revision, Duration.ofHours(48)));
    }

    private static String changed(String token, int index) {
        char replacement = token.charAt(index) == 'A' ? 'B' : 'A';
        return token.substring(0, index) + replacement + token.substring(index + 1);
    }

    private static void assertAbout(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(Duration.ofMinutes(2)) < 0,
                () -> "expected about " + expected + " but was " + actual);
    }
}
