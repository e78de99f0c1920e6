package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 12: errors people can act on, the API read with the editorial session, and the direction of
 * each field. A refused field is named next to its input and in the summary at the top, linked to
 * it, in the UI language; an unknown article or a page for admins only is an HTML page of the
 * editorial UI with its status; the API takes the session for reads only; the article's text
 * takes {@code lang} and {@code dir} from its locale, whatever the UI language.
 */
abstract class AdminErrorsTests {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void aBadSlugIsNamedNextToItsFieldAndInTheSummaryLinkedToIt() {
        String title = unique("Refused title");
        var author = new AdminSession();
        author.signIn("author", "demo");
        author.get("/admin/edit.xhtml");
        var page = author.submit("editor", Map.of("editor:title", title, "editor:slug", "Bad Slug!",
                "editor:body", "Some text.", "editor:changeNote", "first draft"), "editor:save");

        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("Nothing was changed. Please correct these fields:"), html);
        assertTrue(html.contains("<a href=\"#editor:slug\">URL slug: must be lower-case letters and digits joined by single hyphens"),
                "the summary names the field and links to its input: " + html);
        assertTrue(element(html, "span", "editor:slugError").contains("must be lower-case letters"), "next to the field: " + html);
        String slug = element(html, "input", "editor:slug");
        assertTrue(slug.contains("aria-invalid=\"true\"") && slug.contains("editor:slugError"), slug);
        assertFalse(element(html, "input", "editor:title").contains("aria-invalid=\"true\""), "the title is fine");
        assertFalse(html.contains("The request has invalid fields"), "no nameless problem: " + html);
        assertEquals(0, DatabaseRows.count("select count(*) from revision where title = ?", title), "nothing saved");

        var empty = author.submit("editor", Map.of("editor:slug", ""), "editor:save");
        assertTrue(element(empty.body(), "span", "editor:slugError").contains("must not be blank"), empty.body());
        assertTrue(empty.body().contains("<a href=\"#editor:slug\">URL slug: must not be blank"), empty.body());
    }

    @Test
    void theRefusalSpeaksTheUiLanguage() {
        String title = unique("Título rechazado");
        var author = new AdminSession().cookie("cms-language", "es");
        author.signIn("author", "demo");
        author.get("/admin/edit.xhtml");
        var page = author.submit("editor", Map.of("editor:title", title, "editor:slug", "Mal Slug",
                "editor:body", "", "editor:changeNote", ""), "editor:save");

        String html = page.body();
        assertTrue(html.contains("lang=\"es\""), html);
        assertTrue(html.contains("No se ha cambiado nada. Corrija estos campos:"), html);
        assertTrue(html.contains("<a href=\"#editor:slug\">Identificador en la URL (slug): debe constar de letras minúsculas"),
                "Bean Validation's own message, in Spanish: " + html);
        assertTrue(element(html, "span", "editor:bodyError").contains("no debe estar vacío"),
                "Hibernate Validator's standard message in Spanish: " + html);
        assertTrue(html.contains("<a href=\"#editor:changeNote\">"), html);
        assertFalse(html.contains("must not be blank") || html.contains("must be lower-case"), "no English: " + html);
        assertTrue(html.indexOf("href=\"#editor:slug\"") < html.indexOf("href=\"#editor:body\""), "in the form's order");
        assertEquals(0, DatabaseRows.count("select count(*) from revision where title = ?", title));
    }

    @Test
    void aBadReferenceIsNamedByItsRowInTheForm() {
        String variant = RevisionApiTests.path(Api.as("author").post("/api/articles", article(unique("bad-url")))) + "/locales/en";
        var author = new AdminSession();
        author.signIn("author", "demo");
        author.get("/admin/edit.xhtml?article=" + id(variant) + "&locale=en");
        var page = author.submit("editor", Map.of("editor:references:0:url", "example.org/no-scheme",
                "editor:changeNote", "a new source"), "editor:save");

        String html = page.body();
        assertTrue(html.contains("<a href=\"#editor:references:0:url\">References 1, Web address (URL): must be a web address"
                + " starting with http:// or https://</a>"), html);
        assertTrue(element(html, "input", "editor:references:0:url").contains("aria-invalid=\"true\""), html);
        assertTrue(element(html, "span", "editor:references:0:urlError").contains("must be a web address"), html);
        assertEquals("r1", Api.as("author").get(variant).etag().replace("\"", ""), "nothing saved");
    }

    @Test
    void approvingWithoutTheChecklistNamesTheItemsByTheirLabels() {
        String variant = inReview();
        var reviewer = new AdminSession();
        reviewer.signIn("reviewer", "demo");
        reviewer.get("/admin/edit.xhtml?article=" + id(variant) + "&locale=en");
        Map<String, String> oneTicked = new LinkedHashMap<>();
        oneTicked.put("workflow:checklist:1:confirmed", "on");
        var page = reviewer.submit("workflow", oneTicked, "workflow:approve");

        String html = page.body();
        assertTrue(html.contains("<a href=\"#workflow:checklist:0:confirmed\">Sources are cited and current: "
                + "Confirm this item before you approve.</a>"), html);
        assertTrue(html.contains("<a href=\"#workflow:checklist:3:confirmed\">Dosing statements are checked: "), html);
        assertFalse(html.contains("href=\"#workflow:checklist:1:confirmed\""), "the ticked item is fine: " + html);
        assertFalse(html.contains("sources-current") || html.contains("dosing-checked"), "no raw keys: " + html);
        assertTrue(element(html, "input", "workflow:checklist:0:confirmed").contains("aria-invalid=\"true\""), html);
        assertEquals("in_review", Api.as("reviewer").get(variant).json().get("state").asText(), "not approved");
    }

    @Test
    void anUnknownArticleIsA404PageWithoutTheNewArticleForm() {
        var author = new AdminSession();
        author.signIn("author", "demo");
        for (String asked : List.of("99999999", "abc")) {
            var page = author.get("/admin/edit.xhtml?article=" + asked + "&locale=en");
            assertEquals(404, page.statusCode(), page.body());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers()::toString);
            assertTrue(page.body().contains("There is no article " + asked + "."), page.body());
            assertTrue(page.body().contains("Signed in as author"), "the admin's layout: " + page.body());
            assertFalse(page.body().contains("id=\"editor\""), "no new-article form: " + page.body());
        }
        var history = author.get("/admin/history.xhtml?article=99999999&locale=en");
        assertEquals(404, history.statusCode());
        assertTrue(history.body().contains("There is no article 99999999."), history.body());
    }

    @Test
    void aPageForAdminsOnlyIsAnHtml403InTheUiLanguage() {
        var author = new AdminSession().cookie("cms-language", "es");
        author.signIn("author", "demo");
        var users = author.get("/admin/users.xhtml");
        assertEquals(403, users.statusCode(), users.body());
        assertTrue(users.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), users.headers()::toString);
        assertTrue(users.body().contains("lang=\"es\""), users.body());
        assertTrue(users.body().contains("No permitido") && users.body().contains("Su rol no permite abrir esta página."),
                users.body());
        assertTrue(users.body().contains("Volver al panel de control"), users.body());
        assertFalse(users.body().contains("\"type\""), "never problem JSON: " + users.body());

        var nowhere = author.get("/admin/nowhere-" + unique("x") + ".xhtml");
        assertEquals(404, nowhere.statusCode(), nowhere.body());
        assertTrue(nowhere.body().contains("No hay ninguna página en esta dirección.") && nowhere.body().contains("admin.css"),
                "the admin's page, not the reader site's: " + nowhere.body());

        var api = Api.as("author").get("/api/nowhere-" + unique("x"));
        assertEquals(404, api.status());
        assertTrue(api.header("Content-Type").orElseThrow().startsWith("application/problem+json"), "the API keeps problems");
    }

    @Test
    void theApiTakesTheSessionForReadsOnly() {
        String variant = translated();
        String id = id(variant);
        var author = new AdminSession();
        author.signIn("author", "demo");
        String cookie = author.sessionCookie();
        String set = author.sessionCookiesSet.get(author.sessionCookiesSet.size() - 1);
        assertTrue(List.of(set.split(";")).stream().map(String::strip).anyMatch(attribute -> attribute.equalsIgnoreCase("Path=/")),
                "the browser sends the session with the API's requests too: " + set);
        String xliff = "/api/articles/" + id + "/locales/es/xliff";

        var download = send(HttpRequest.newBuilder(Api.base().resolve(xliff)).GET(), cookie);
        assertEquals(200, download.statusCode(), download.body());
        assertTrue(download.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xliff+xml"));
        assertTrue(download.body().contains("<xliff"), download.body());
        assertEquals(200, send(HttpRequest.newBuilder(Api.base().resolve(xliff)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()), cookie).statusCode());

        long revisions = DatabaseRows.count("select count(*) from revision r join variant v on r.variant_id = v.id"
                + " where v.article_id = ?", Long.parseLong(id));
        String body = "{\"action\":\"submit\"}";
        var post = send(HttpRequest.newBuilder(Api.base().resolve(variant + "/transitions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), cookie);
        var put = send(HttpRequest.newBuilder(Api.base().resolve(variant)).header("Content-Type", "application/json")
                .header("If-Match", "\"r1\"").PUT(HttpRequest.BodyPublishers.ofString(
                        Api.JSON.valueToTree(Fixtures.edit(unique("session-put"), "Changed by a cookie.", "cookie")).toString())),
                cookie);
        var delete = send(HttpRequest.newBuilder(Api.base().resolve(variant)).DELETE(), cookie);
        for (var refused : List.of(post, put, delete)) {
            assertTrue(refused.statusCode() == 401 || refused.statusCode() == 403,
                    refused.request().method() + " with only the session: " + refused.statusCode() + " " + refused.body());
        }
        assertEquals("draft", Api.as("author").get(variant).json().get("state").asText(), "nothing changed");
        assertEquals(revisions, DatabaseRows.count("select count(*) from revision r join variant v on r.variant_id = v.id"
                + " where v.article_id = ?", Long.parseLong(id)));

        // the reader site takes no notice of the cookie: no session, the same caching
        var reader = send(HttpRequest.newBuilder(Api.base().resolve("/en/")).GET(), cookie);
        var readerWithout = send(HttpRequest.newBuilder(Api.base().resolve("/en/")).GET(), null);
        assertEquals(200, reader.statusCode());
        // no session started and none renewed; a distributable session's version cookie (JSESSIONIDVERSION) may
        // be echoed back to the editor's browser by the container, which readers, holding no cookie, never see
        assertTrue(reader.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID=")),
                reader.headers()::toString);
        assertEquals(readerWithout.headers().firstValue("Cache-Control"), reader.headers().firstValue("Cache-Control"));
        assertEquals(readerWithout.headers().firstValue("ETag"), reader.headers().firstValue("ETag"));

        // a signed-in account that holds none of the roles reads nothing
        var roleless = new AdminSession();
        var refusedPage = roleless.signIn(IdentityTests.newAccount(), IdentityTests.PASSWORD);
        assertEquals(403, refusedPage.statusCode(), refusedPage.body());
        assertEquals(403, send(HttpRequest.newBuilder(Api.base().resolve(xliff)).GET(), roleless.sessionCookie()).statusCode());
    }

    @Test
    void arabicTextIsRightToLeftUnderAnEnglishUiAndEnglishLeftToRightUnderAnArabicOne() {
        String variant = arabicTranslation();
        String id = id(variant);
        var admin = new AdminSession();
        admin.signIn("admin", "demo");
        String html = admin.get("/admin/edit.xhtml?article=" + id + "&locale=ar").body();
        assertTrue(html.contains("<html") && html.contains("lang=\"en\" dir=\"ltr\""), "an English UI");
        for (String field : List.of("editor:title", "editor:slug", "editor:summary", "editor:body")) {
            String input = element(html, field.equals("editor:summary") || field.equals("editor:body") ? "textarea" : "input", field);
            assertTrue(input.contains("lang=\"ar\"") && input.contains("dir=\"rtl\""), field + ": " + input);
        }
        assertTrue(html.contains("<div class=\"preview\" lang=\"ar\" dir=\"rtl\">"), html);
        assertTrue(html.contains("<div lang=\"en\" dir=\"ltr\">"), "the English source beside it: " + html);
        assertTrue(element(html, "input", "editor:changeNote").contains("dir=\"auto\""), "a note of unknown language");

        var arabicUi = new AdminSession().cookie("cms-language", "ar");
        arabicUi.signIn("admin", "demo");
        String english = arabicUi.get("/admin/edit.xhtml?article=" + id + "&locale=en").body();
        assertTrue(english.contains("lang=\"ar\" dir=\"rtl\""), "an Arabic UI");
        String title = element(english, "input", "editor:title");
        assertTrue(title.contains("lang=\"en\"") && title.contains("dir=\"ltr\""), title);
        assertTrue(english.contains("<div class=\"preview\" lang=\"en\" dir=\"ltr\">"), english);
    }

    @Test
    void inTheBrowserTheSummaryLeadsToTheFieldAndArabicIsEditedRightToLeft() throws IOException {
        Browser.assumeEnabled();
        String variant = arabicTranslation();
        Path screenshots = AdminStoryTests.SCREENSHOTS;
        if (Files.isDirectory(screenshots)) {
            try (var old = Files.newDirectoryStream(screenshots, "admin-errors-*.png")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
        }
        try (Browser browser = Browser.start()) {
            browser.open("/admin/login.xhtml");
            browser.driver().findElement(By.id("login:userName")).sendKeys("admin");
            browser.driver().findElement(By.id("login:password")).sendKeys("demo");
            click(browser, "login:signIn");

            browser.open("/admin/edit.xhtml");
            browser.driver().findElement(By.id("editor:title")).sendKeys(unique("Browser refusal"));
            browser.driver().findElement(By.id("editor:slug")).sendKeys("Not A Slug");
            browser.driver().findElement(By.id("editor:changeNote")).sendKeys("first draft");
            click(browser, "editor:save");
            WebElement summary = browser.driver().findElement(By.id("refusals"));
            assertTrue(summary.getText().contains("URL slug: must be lower-case letters"), summary.getText());
            assertEquals("true", browser.driver().findElement(By.id("editor:slug")).getDomAttribute("aria-invalid"));
            browser.screenshot(screenshots.resolve("admin-errors-01-slug-refused.png"));
            assertNoSeriousFindings(browser);
            summary.findElement(By.cssSelector("a[href='#editor:slug']")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> "editor:slug".equals(
                    ((JavascriptExecutor) d).executeScript("return document.activeElement.id")));
            browser.screenshot(screenshots.resolve("admin-errors-02-summary-link-focuses-slug.png"));

            browser.open("/admin/edit.xhtml?article=" + id(variant) + "&locale=ar");
            WebElement body = browser.driver().findElement(By.id("editor:body"));
            assertEquals("rtl", body.getDomAttribute("dir"));
            assertEquals("rtl", body.getCssValue("direction"), "the browser edits it right to left");
            assertEquals("ltr", browser.driver().findElement(By.tagName("html")).getCssValue("direction"), "an English UI");
            assertEquals("rtl", browser.driver().findElement(By.cssSelector("#previewPanel .preview")).getCssValue("direction"));
            // the editor's XLIFF link, followed with the browser's own cookies: the session, not a Basic prompt
            String xliff = browser.driver().findElement(By.linkText("XLIFF")).getDomAttribute("href");
            Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t.includes('<xliff'))), e => done(String(e)));",
                    xliff);
            assertEquals("200 true", status, xliff);
            browser.screenshot(screenshots.resolve("admin-errors-03-arabic-editor-english-ui.png"));

            browser.open("/admin/edit.xhtml?article=99999999");
            assertTrue(browser.driver().findElement(By.id("errorText")).getText().contains("There is no article 99999999."));
            browser.screenshot(screenshots.resolve("admin-errors-04-unknown-article.png"));
            assertNoSeriousFindings(browser);
        }
    }

    // --- what the tests start from

    /** An English article in review; its variant's API path. */
    private static String inReview() {
        String variant = RevisionApiTests.path(Api.as("author").post("/api/articles", article(unique("checklist")))) + "/locales/en";
        assertEquals(200, Workflow.take(Api.as("author"), variant, Workflow.step("submit")).status());
        return variant;
    }

    /** An English article with a Spanish draft; the Spanish variant's API path. */
    private static String translated() {
        String article = RevisionApiTests.path(Api.as("author").post("/api/articles", article(unique("session-read"))));
        var spanish = Fixtures.edit(unique("leer-con-sesion"), "Un texto en español.", "traducción");
        spanish.put("title", "Vivir con migraña");
        assertEquals(201, Api.as("author").put(article + "/locales/es", spanish, null).status());
        return article + "/locales/es";
    }

    /** An English article with an Arabic translation; the Arabic variant's API path. */
    private static String arabicTranslation() {
        String article = RevisionApiTests.path(Api.as("author").post("/api/articles", article(unique("direction"))));
        var arabic = Fixtures.edit(unique("sudaa-tawattur"), AccessibilityTests.ARABIC_BODY, "الترجمة العربية");
        arabic.put("title", AccessibilityTests.ARABIC_TITLE);
        arabic.put("summary", AccessibilityTests.ARABIC_SUMMARY);
        assertEquals(201, Api.as("author").put(article + "/locales/ar", arabic, null).status());
        return article + "/locales/ar";
    }

    private static String id(String variantPath) {
        Matcher id = Pattern.compile("/api/articles/(\\d+)/").matcher(variantPath);
        assertTrue(id.find(), variantPath);
        return id.group(1);
    }

    /** The start tag of the element with this id. */
    private static String element(String html, String tag, String id) {
        Matcher start = Pattern.compile("<" + tag + "\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(?:([^<]*)</" + tag + ">)?")
                .matcher(html);
        assertTrue(start.find(), "no <" + tag + " id=\"" + id + "\"> in " + html);
        return start.group();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String cookie) {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * axe-core finds nothing serious in what these pages add; the header's language selector without
     * a name is known (issue 12) and left to the accessibility work.
     */
    private static void assertNoSeriousFindings(Browser browser) {
        Results results = new AxeBuilder().withTags(AccessibilityTests.AXE_TAGS).analyze(browser.driver());
        assertFalse(results.isErrored(), results::getErrorMessage);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> AccessibilityTests.FAILING_IMPACTS.contains(rule.getImpact()))
                .filter(rule -> !rule.getId().equals("select-name"))
                .map(rule -> rule.getId() + " " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        assertEquals(List.of(), serious, browser.driver().getCurrentUrl());
    }

    private static void click(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.cmsOldPage = true");
        browser.driver().findElement(By.id(id)).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return window.cmsOldPage !== true && document.readyState === 'complete'")));
    }
}
