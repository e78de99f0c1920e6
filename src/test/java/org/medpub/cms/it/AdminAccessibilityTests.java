package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.medpub.cms.it.AccessibilityTests.ARABIC_BODY;
import static org.medpub.cms.it.AccessibilityTests.ARABIC_SUMMARY;
import static org.medpub.cms.it.AccessibilityTests.ARABIC_TITLE;
import static org.medpub.cms.it.AccessibilityTests.AXE_TAGS;
import static org.medpub.cms.it.AccessibilityTests.FAILING_IMPACTS;
import static org.medpub.cms.it.AccessibilityTests.SCREENSHOTS;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.edit;
import static org.medpub.cms.it.Fixtures.unique;
import static org.medpub.cms.it.Workflow.signOff;
import static org.medpub.cms.it.Workflow.step;
import static org.medpub.cms.it.Workflow.take;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the editorial UI, signed in as each role of the team (the demo users), in the
 * English and the Arabic UI, at a desktop's 1280×800 and a phone's 390×844, checked by axe-core
 * against WCAG 2.1 A/AA and axe's best practices as the reader site is ({@link AccessibilityTests}):
 * any serious or critical finding fails, naming page, width, rule, nodes and help. On the phone
 * no page may be wider than the screen. Each screen is kept as
 * {@code target/screenshots/admin-a11y-<role>-<lang>-<page>[-phone].png}. One Chromium serves the
 * class, signed in once per role.
 * <p>
 * The pages are listed in {@link #pages()}: a new page of the editorial UI is added there, with the
 * roles that may open it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminAccessibilityTests {

    static final Dimension PHONE = new Dimension(390, 844);
    static final List<String> ROLES = List.of("author", "reviewer", "translator", "editor", "admin");
    static final Set<String> EVERYONE = Set.copyOf(ROLES);

    /** A page of the editorial UI: its name in the screenshots, its address, and the demo users who may open it. */
    record AdminPage(String name, String path, Set<String> openTo) {
    }

    private Browser browser;
    private String signedIn;
    private long articleId;

    /**
     * The editorial UI's pages that this test checks, with the demo users who open each. Every
     * admin page belongs here.
     */
    List<AdminPage> pages() {
        String article = "article=" + articleId;
        return List.of(
                new AdminPage("articles", "/admin/articles.xhtml", EVERYONE),
                new AdminPage("articles-found", "/admin/articles.xhtml?q=migraine&sort=title", EVERYONE),
                new AdminPage("dashboard", "/admin/index.xhtml", EVERYONE),
                new AdminPage("inbox", "/admin/inbox.xhtml", EVERYONE),
                new AdminPage("new-article", "/admin/edit.xhtml", Set.of("author", "admin")),
                new AdminPage("article", "/admin/edit.xhtml?" + article + "&locale=en", EVERYONE),
                new AdminPage("article-ar", "/admin/edit.xhtml?" + article + "&locale=ar", EVERYONE),
                new AdminPage("history", "/admin/history.xhtml?" + article + "&locale=en", EVERYONE),
                new AdminPage("users", "/admin/users.xhtml", Set.of("admin")),
                new AdminPage("media", "/admin/media.xhtml", EVERYONE),
                new AdminPage("account", "/admin/account.xhtml", EVERYONE),
                new AdminPage("forbidden", "/admin/users.xhtml", Set.of("author", "reviewer", "translator", "editor")),
                new AdminPage("no-article", "/admin/edit.xhtml?article=99999999", EVERYONE),
                new AdminPage("error", "/admin/no-such-page.xhtml", EVERYONE));
    }

    @BeforeAll
    void startBrowser() {
        if (Browser.enabled()) {
            browser = Browser.start();
        }
    }

    @AfterAll
    void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * Once: an article whose English source is in its second medical review (so that the reviewer
     * sees the review with its changes and checklist) after a rejection and a publication, with an
     * Arabic translation in draft; the inboxes of the demo users hold what that told them.
     */
    @BeforeEach
    void writeTheArticle() {
        Browser.assumeEnabled();
        if (articleId != 0) {
            return;
        }
        Api author = Api.as("author");
        Api reviewer = Api.as("reviewer");
        String slug = unique("a11y-migraine");
        var created = author.post("/api/articles", article(slug));
        String en = RevisionApiTests.path(created) + "/locales/en";
        articleId = Long.parseLong(en.replaceAll(".*/articles/(\\d+)/.*", "$1"));
        expect(take(author, en, step("submit")));
        expect(take(reviewer, en, step("reject", "Please say when to see a doctor.")));
        expect(take(author, en, step("submit")));
        expect(take(reviewer, en, signOff("approve")));
        expect(take(Api.as("editor"), en, step("publish")));
        var second = author.put(en, edit(slug, "## What a migraine is\n\nA migraine is a throbbing headache.\n\n"
                + "## When to see a doctor\n\nAt once if it is sudden and severe.", "when to see a doctor"), "\"r1\"");
        assertEquals(200, second.status(), second::toString);
        expect(take(author, en, step("submit")));

        Map<String, Object> arabic = new LinkedHashMap<>(edit(unique("sudaa"), ARABIC_BODY, "الترجمة العربية"));
        arabic.put("title", ARABIC_TITLE);
        arabic.put("summary", ARABIC_SUMMARY);
        var translated = author.put(en.replace("/locales/en", "/locales/ar"), arabic, null);
        assertEquals(201, translated.status(), translated::toString);
    }

    Stream<Arguments> rolesAndLanguages() {
        return ROLES.stream().flatMap(role -> Stream.of(Arguments.of(role, "en"), Arguments.of(role, "ar")));
    }

    @Test
    void theSignInPage() {
        signOut();
        List<String> found = new ArrayList<>();
        for (String language : List.of("en", "ar")) {
            useLanguage(language);
            found.addAll(check("signed-out", language, new AdminPage("login", "/admin/login.xhtml", Set.of())));
        }
        failOn(found);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("rolesAndLanguages")
    void everyPageARoleOpens(String role, String language) {
        signIn(role);
        useLanguage(language);
        List<String> found = new ArrayList<>();
        for (AdminPage page : pages()) {
            if (page.openTo().contains(role)) {
                found.addAll(check(role, language, page));
            }
        }
        failOn(found);
    }

    /** Shows the page at both widths, keeps the screenshots, and answers what axe-core and the phone found wrong. */
    private List<String> check(String role, String language, AdminPage page) {
        WebDriver driver = browser.driver();
        browser.viewport(Browser.DESKTOP);
        browser.open(page.path());
        List<String> found = new ArrayList<>();
        WebElement html = driver.findElement(By.tagName("html"));
        if (!page.name().equals("error")) {
            assertEquals(language, html.getAttribute("lang"), page.path());
            assertEquals(language.equals("ar") ? "rtl" : "ltr", html.getAttribute("dir"), page.path());
        }
        assertTrue(driver.findElement(By.tagName("h1")).isDisplayed(), page.path());
        String shot = "admin-a11y-" + role + "-" + language + "-" + page.name();
        browser.screenshot(SCREENSHOTS.resolve(shot + ".png"));
        found.addAll(axe(page.path() + " (" + role + ", " + language + ", desktop)"));

        browser.viewport(PHONE);
        long width = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth");
        if (width > PHONE.width) {
            found.add("- " + page.path() + " (" + role + ", " + language + ", phone): the page is " + width
                    + " px wide on a " + PHONE.width + " px screen");
        }
        browser.screenshot(SCREENSHOTS.resolve(shot + "-phone.png"));
        found.addAll(axe(page.path() + " (" + role + ", " + language + ", phone)"));
        browser.viewport(Browser.DESKTOP);
        return found;
    }

    private List<String> axe(String where) {
        long start = System.nanoTime();
        Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(browser.driver());
        if (results.isErrored()) {
            fail("axe-core could not check " + where + ": " + results.getErrorMessage());
        }
        System.out.println("axe-core on " + where + " (" + (System.nanoTime() - start) / 1_000_000 + " ms): "
                + (results.getViolations().isEmpty() ? "no violations" : results.getViolations().stream()
                        .map(rule -> rule.getId() + " (" + rule.getImpact() + ")").collect(Collectors.joining(", "))));
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .toList();
        return serious.stream().map(rule -> "on " + where + ":\n" + AccessibilityTests.describe(rule)).toList();
    }

    private static void failOn(List<String> found) {
        if (!found.isEmpty()) {
            fail(found.size() + " serious or critical finding(s):\n" + String.join("\n", found));
        }
    }

    /** Signs in through the form as this demo user, unless the browser already is. */
    private void signIn(String user) {
        if (user.equals(signedIn)) {
            return;
        }
        signOut();
        WebDriver driver = browser.driver();
        browser.open("/admin/login.xhtml");
        driver.findElement(By.id("login:userName")).sendKeys(user);
        driver.findElement(By.id("login:password")).sendKeys("demo");
        driver.findElement(By.id("login:signIn")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("/admin/index.xhtml"));
        signedIn = user;
    }

    private void signOut() {
        browser.open("/admin/login.xhtml");
        browser.driver().manage().deleteAllCookies();
        signedIn = null;
    }

    /** The UI language, as the header's selector keeps it: a cookie for {@code /admin/}. */
    private void useLanguage(String language) {
        browser.driver().manage().addCookie(new Cookie("cms-language", language, "/admin/"));
    }

    private static void expect(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
    }
}
