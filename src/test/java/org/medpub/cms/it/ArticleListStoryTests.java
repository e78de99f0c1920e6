package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.article;
import static org.medpub.cms.it.Fixtures.unique;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The articles list in Chromium: an editor opens it from the navigation, finds two articles by a
 * word of their body, then narrows them by state, and the view is in the URL to share. Each
 * screen is kept as {@code target/screenshots/admin-list-<nn>-<what>.png}.
 */
abstract class ArticleListStoryTests {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private int shot;
    private Browser browser;

    @BeforeEach
    void needsTheBrowser() throws IOException {
        Browser.assumeEnabled();
        if (Files.isDirectory(SCREENSHOTS)) {
            try (var old = Files.newDirectoryStream(SCREENSHOTS, "admin-list-*.png")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
        }
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            assertEquals(List.of(), Browser.closeAll(List.of(browser)), "refused by the Content Security Policy");
        }
    }

    @Test
    void anEditorFindsArticlesByAWordOfTheBodyAndNarrowsThemByState() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long draft = created("Hay fever in spring", word);
        long inReview = created("Hay fever at night", word);
        assertEquals(200, Workflow.take(Api.as("author"), "/api/articles/" + inReview + "/locales/en",
                Workflow.step("submit")).status());

        browser = Browser.start();
        browser.open("/admin/login.xhtml");
        browser.driver().findElement(By.id("login:userName")).sendKeys("editor");
        browser.driver().findElement(By.id("login:password")).sendKeys("demo");
        click(By.id("login:signIn"));
        see("dashboard", "Dashboard");

        WebElement firstLink = browser.driver().findElement(By.cssSelector("header nav a"));
        assertEquals("Articles", firstLink.getText(), "the list is the first item of the navigation");
        click(By.cssSelector("header nav a"));
        see("all-articles", "Articles");

        browser.driver().findElement(By.id("q")).sendKeys(word);
        click(By.cssSelector("#filters button[type=submit]"));
        see("found-by-a-word", "Articles");
        assertEquals(List.of("article-" + inReview, "article-" + draft), rowIds());
        assertTrue(text("#article-" + draft).contains("Hay fever in spring"), text("#article-" + draft));

        new Select(browser.driver().findElement(By.id("state"))).selectByVisibleText("In medical review");
        click(By.cssSelector("#filters button[type=submit]"));
        see("narrowed-by-state", "Articles");
        assertEquals(List.of("article-" + inReview), rowIds());
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("q=" + word) && url.contains("state=in_review"), "the view is in the URL: " + url);

        // the URL opened again shows the same view, the form filled in as it was
        browser.open(url.substring(url.indexOf("/admin/")));
        assertEquals(List.of("article-" + inReview), rowIds());
        assertEquals("in_review", new Select(browser.driver().findElement(By.id("state"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals(word, browser.driver().findElement(By.id("q")).getDomProperty("value"));
        see("opened-from-the-url", "Articles");
    }

    private static long created(String title, String word) {
        Map<String, Object> fields = Fixtures.with(Fixtures.with(article(unique("story")), "title", title), "body",
                "Pollen makes eyes itch. " + word + " is the word to find.");
        var reply = Api.as("author").post("/api/articles", fields);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().get("id").asLong();
    }

    private List<String> rowIds() {
        return browser.driver().findElements(By.cssSelector("#articles tbody tr")).stream()
                .map(row -> row.getAttribute("id"))
                .toList();
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private void click(By what) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.cmsOldPage = true");
        browser.driver().findElement(what).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return window.cmsOldPage !== true && document.readyState === 'complete'")));
    }

    private void see(String what, String heading) {
        assertEquals(heading, browser.driver().findElement(By.tagName("h1")).getText(), what);
        browser.screenshot(SCREENSHOTS.resolve(String.format("admin-list-%02d-%s.png", ++shot, what)));
    }
}
