package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editor's writing help and edit lock in headless Chromium, as a person sees them: the slug
 * appears while the title is typed, the toolbar puts Markdown around the selection, the word count
 * follows the text; a second person is warned and takes over, and the first person's next autosave
 * turns their form read-only with a notice. Screens in {@code target/screenshots/admin-editor-nn-*.png}.
 */
abstract class EditorBrowserTests {

    private final List<Browser> open = new ArrayList<>();
    private int shot;

    @BeforeEach
    void needsTheBrowser() {
        Browser.assumeEnabled();
    }

    @AfterEach
    void quitBrowsers() {
        List<String> refused;
        try {
            refused = Browser.closeAll(open);
        } finally {
            open.clear();
        }
        assertEquals(List.of(), refused, "refused by the Content Security Policy");
    }

    @Test
    void writingHelpAndTheEditLockTakenOver() {
        Browser author = signIn("author");
        author.open("/admin/edit.xhtml");
        String token = Fixtures.unique("x").replaceAll("[^a-z0-9]", "");
        author.driver().findElement(By.id("editor:title")).sendKeys("Мигрень у детей " + token);
        waitForValue(author, "editor:slug", "migren-u-detej-" + token);
        see(author, "slug-from-title");

        WebElement body = author.driver().findElement(By.id("editor:body"));
        body.sendKeys("Children get migraine too");
        select(author, body, "migraine");
        press(author, "bold");
        waitForValue(author, "editor:body", "Children get **migraine** too");
        ((JavascriptExecutor) author.driver()).executeScript(
                "arguments[0].setSelectionRange(0, 0)", body);
        press(author, "heading");
        waitForValue(author, "editor:body", "## Children get **migraine** too");
        ((JavascriptExecutor) author.driver()).executeScript(
                "arguments[0].setSelectionRange(arguments[0].value.length, arguments[0].value.length)", body);
        body.sendKeys("\n");
        press(author, "list");
        body.sendKeys("nausea");
        waitFor(author, By.cssSelector("#previewPanel .preview h2"), "Children get migraine too");
        waitFor(author, By.cssSelector("#previewPanel .preview li"), "nausea");
        waitFor(author, By.id("editor:length"), "5 words · 1 minute to read");
        for (WebElement button : author.driver().findElements(By.cssSelector(".toolbar button"))) {
            assertTrue(!button.getDomAttribute("aria-label").isBlank(), "every toolbar button has a name");
        }
        see(author, "toolbar-and-word-count");

        author.driver().findElement(By.id("editor:slug")).clear();
        author.driver().findElement(By.id("editor:slug")).sendKeys("children-migraine-" + token);
        author.driver().findElement(By.id("editor:changeNote")).sendKeys("first draft");
        click(author, "editor:save");
        long id = Long.parseLong(author.driver().getCurrentUrl().replaceAll(".*[?&]article=(\\d+).*", "$1"));

        Browser admin = signIn("admin");
        admin.open("/admin/edit.xhtml?article=" + id + "&locale=en");
        assertTrue(text(admin, "#editLock").contains("Being edited by Alex Author since"), text(admin, "#editLock"));
        assertEquals("true", admin.driver().findElement(By.id("editor:body")).getDomAttribute("readonly"));
        see(admin, "second-person-warned");
        click(admin, "editLock:takeOver");
        assertTrue(text(admin, "#editLock").isEmpty(), "the notice is gone");
        see(admin, "taken-over");

        author.driver().findElement(By.id("editor:body")).sendKeys(" Still typing.");
        waitFor(author, By.id("editLock"), "Ada Admin took over this article");
        new WebDriverWait(author.driver(), Duration.ofSeconds(15)).until(d ->
                "true".equals(d.findElement(By.id("editor:body")).getDomAttribute("readonly")));
        see(author, "first-person-told");
        assertTrue(DatabaseRows.text("select body from autosaved_draft where username = 'author' and article_id = ?", id)
                .endsWith("Still typing."), "the first person's text is in their autosave");

        // the notice came by ajax; its button works all the same
        click(author, "editLock:takeOver");
        assertEquals(null, author.driver().findElement(By.id("editor:body")).getDomAttribute("readonly"));
        assertEquals("author", DatabaseRows.text("select username from edit_lock where article_id = ?", id));
        see(author, "first-person-takes-back");
    }

    @Test
    void aSlugTypedWhileTheProposalIsOnItsWayStays() {
        Browser author = signIn("author");
        author.open("/admin/edit.xhtml");
        String token = Fixtures.unique("x").replaceAll("[^a-z0-9]", "");
        // the author's slug goes in while the request for the proposal is on its way (as typing would,
        // when that request is slow to answer)
        ((JavascriptExecutor) author.driver()).executeScript("var slug = arguments[0];"
                + " (window.faces || window.jsf).ajax.addOnEvent(function (data) {"
                + "   if (data.status === 'begin' && data.source.id === 'editor:title' && !window.slugTyped) {"
                + "     window.slugTyped = true; document.getElementById('editor:slug').value = slug; } });",
                "my-own-slug-" + token);
        author.driver().findElement(By.id("editor:title")).sendKeys("Asthma in adults " + token);
        new WebDriverWait(author.driver(), Duration.ofSeconds(15)).until(d -> ("asthma-in-adults-" + token).equals(
                d.findElement(By.id("editor:slugProposal")).getDomProperty("textContent").trim()));
        assertEquals("my-own-slug-" + token, author.driver().findElement(By.id("editor:slug")).getDomProperty("value"),
                "the slug the author typed, not the one proposed");
        author.driver().findElement(By.id("editor:title")).sendKeys(" today");
        new WebDriverWait(author.driver(), Duration.ofSeconds(15)).until(d -> ("asthma-in-adults-" + token + "-today").equals(
                d.findElement(By.id("editor:slugProposal")).getDomProperty("textContent").trim()));
        assertEquals("my-own-slug-" + token, author.driver().findElement(By.id("editor:slug")).getDomProperty("value"),
                "a typed slug stays while the title changes");
    }

    @Test
    void theSlugIsProposedWhenTheAuthorMovesOnAtOnce() {
        Browser author = signIn("author");
        author.open("/admin/edit.xhtml");
        String token = Fixtures.unique("x").replaceAll("[^a-z0-9]", "");
        author.driver().findElement(By.id("editor:title")).sendKeys("Hay fever " + token);
        author.driver().findElement(By.id("editor:summary")).sendKeys("Sneezing in spring.");
        waitForValue(author, "editor:slug", "hay-fever-" + token);
    }

    private Browser signIn(String user) {
        Browser browser = Browser.start();
        open.add(browser);
        browser.open("/admin/login.xhtml");
        browser.driver().findElement(By.id("login:userName")).sendKeys(user);
        browser.driver().findElement(By.id("login:password")).sendKeys("demo");
        click(browser, "login:signIn");
        return browser;
    }

    private void see(Browser browser, String what) {
        browser.screenshot(Path.of("target", "screenshots").resolve(String.format("admin-editor-%02d-%s.png", ++shot, what)));
    }

    private static void select(Browser browser, WebElement area, String word) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var at = arguments[0].value.indexOf(arguments[1]); arguments[0].setSelectionRange(at, at + arguments[1].length)",
                area, word);
    }

    private static void press(Browser browser, String markdown) {
        browser.driver().findElement(By.cssSelector(".toolbar button[data-markdown='" + markdown + "']")).click();
    }

    private static void click(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.cmsOldPage = true");
        browser.driver().findElement(By.id(id)).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return window.cmsOldPage !== true && document.readyState === 'complete'")));
    }

    private static String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static void waitFor(Browser browser, By where, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    private static void waitForValue(Browser browser, String id, String value) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> value.equals(d.findElement(By.id(id)).getDomProperty("value")));
    }
}
