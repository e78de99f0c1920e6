package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.it.Fixtures.unique;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workflow steps that used to need the API, in headless Chromium, each person in a browser
 * of their own set to Berlin time: an editor assigns the review; the reviewer makes a preview
 * link, copies it and opens it, and sends the draft back with a comment; the author finds the
 * comment at the top of the editor and fixes the text; the reviewer's second review shows only
 * the fix and is approved; the editor schedules the publication, sees it with its time after a
 * reload, and cancels it. Screens are kept as {@code target/screenshots/admin-workflow-<nn>-<what>.png}.
 */
abstract class AdminWorkflowStoryTests {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String ZONE = "Europe/Berlin";

    private int shot;
    private final List<Browser> open = new ArrayList<>();

    @BeforeEach
    void needsTheBrowser() throws java.io.IOException {
        Browser.assumeEnabled();
        if (Files.isDirectory(SCREENSHOTS)) {
            try (var old = Files.newDirectoryStream(SCREENSHOTS, "admin-workflow-*.png")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
        }
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
    void assignPreviewRejectFixReviewTheFixScheduleAndCancel() {
        String title = "Sleep and migraine (" + unique("flow") + ")";
        var created = Api.as("author").post("/api/articles", Fixtures.with(Fixtures.with(
                Fixtures.article(unique("sleep-and-migraine")), "title", title),
                "body", "## Sleep\n\nIrregular sleep can bring on an attack."));
        String article = RevisionApiTests.path(created);
        long id = Long.parseLong(article.substring(article.lastIndexOf('/') + 1));
        String editorPath = "/admin/edit.xhtml?article=" + id + "&locale=en";
        assertEquals(200, Workflow.take(Api.as("author"), article + "/locales/en", Workflow.step("submit")).status());

        // the editor assigns the review
        Browser editor = signIn("editor");
        editor.open(editorPath);
        loaded(editor);
        assertTrue(text(editor, "#assigned").contains("No reviewer is assigned"), text(editor, "#assigned"));
        new Select(editor.driver().findElement(By.id("assignment:assignee"))).selectByValue("reviewer");
        see(editor, "editor-assigns");
        click(editor, "assignment:assign");
        assertMessage(editor, "The review is assigned to Dr. Rana Reviewer (reviewer).");
        assertEquals("Assigned to Dr. Rana Reviewer (reviewer)", text(editor, "#assigned"));
        assertEquals("reviewer", DatabaseRows.text("select assigned_reviewer from variant where article_id = ?"
                + " and locale = 'en'", id));
        see(editor, "editor-assigned");

        // the reviewer makes a preview link, copies it and opens it
        Browser reviewer = signIn("reviewer");
        reviewer.open(editorPath);
        loaded(reviewer);
        assertTrue(text(reviewer, "#compared").startsWith("First review"), text(reviewer, "#compared"));
        click(reviewer, "previewLink:make");
        assertMessage(reviewer, "Preview link created. It works until ");
        assertTrue(text(reviewer, "label[for='previewLink:url']").matches("Link to revision 1, works until .* CES?T"),
                text(reviewer, "label[for='previewLink:url']"));
        String link = reviewer.driver().findElement(By.id("previewLink:url")).getDomProperty("value");
        assertTrue(link.contains("/preview/"), link);
        ((ChromeDriver) reviewer.driver()).executeCdpCommand("Browser.grantPermissions", Map.of(
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        reviewer.driver().findElement(By.id("copyPreviewLink")).click();
        waitFor(reviewer, By.id("previewLinkCopied"), "Copied to the clipboard.");
        Object copied = ((JavascriptExecutor) reviewer.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + " navigator.clipboard.readText().then(done, function (e) { done('unreadable: ' + e); });");
        assertEquals(link, copied, "the clipboard holds the link");
        see(reviewer, "reviewer-copies-preview-link");
        String editorWindow = reviewer.driver().getWindowHandle();
        reviewer.driver().findElement(By.id("openPreviewLink")).click();
        new WebDriverWait(reviewer.driver(), Duration.ofSeconds(15)).until(d -> d.getWindowHandles().size() == 2);
        reviewer.driver().getWindowHandles().stream().filter(h -> !h.equals(editorWindow)).findFirst()
                .ifPresent(h -> reviewer.driver().switchTo().window(h));
        waitFor(reviewer, By.tagName("body"), "Irregular sleep can bring on an attack.");
        assertTrue(reviewer.driver().getCurrentUrl().endsWith(link.substring(link.indexOf("/preview/"))));
        assertTrue(text(reviewer, "body").contains(title), text(reviewer, "body"));
        shoot(reviewer, "preview-link-opened");
        reviewer.driver().close();
        reviewer.driver().switchTo().window(editorWindow);

        // the reviewer sends it back, saying why
        type(reviewer, "workflow:comment", "Say how much sleep adults need.");
        click(reviewer, "workflow:reject");
        assertMessage(reviewer, "Sent back to the author with your comment.");
        assertEquals("Changes requested", text(reviewer, "p.meta .state"));
        see(reviewer, "reviewer-requests-changes");

        // the author finds the comment at the top, fixes the text and submits it again
        Browser author = signIn("author");
        author.open(editorPath);
        loaded(author);
        WebElement request = author.driver().findElement(By.id("changesRequested"));
        assertTrue(request.getLocation().getY() < author.driver().findElement(By.id("editor")).getLocation().getY(),
                "above the form");
        assertTrue(request.getText().contains("Dr. Rana Reviewer asked for these changes to revision 1 on "), request.getText());
        assertTrue(request.getText().contains("Say how much sleep adults need."), request.getText());
        assertEquals("Changes requested", text(author, "p.meta .state"));
        see(author, "author-sees-the-request");
        String fix = "Adults need seven to nine hours of sleep.";
        WebElement body = author.driver().findElement(By.id("editor:body"));
        ((JavascriptExecutor) author.driver()).executeScript(
                "arguments[0].setSelectionRange(arguments[0].value.length, arguments[0].value.length)", body);
        body.sendKeys(" " + fix);
        waitFor(author, By.cssSelector("#previewPanel .preview"), "seven to nine hours");
        type(author, "editor:changeNote", "how much sleep, as the reviewer asked");
        click(author, "editor:save");
        assertMessage(author, "Saved as revision 2.");
        click(author, "workflow:submit");
        assertEquals("In medical review", text(author, "p.meta .state"));
        assertTrue(author.driver().findElements(By.id("changesRequested")).isEmpty(), "done with");
        see(author, "author-resubmits");
        close(author);

        // the second review shows the fix alone
        reviewer.open(editorPath);
        loaded(reviewer);
        String compared = text(reviewer, "#compared");
        assertTrue(compared.matches("Changes from revision 1 \\(changes requested .*\\) to revision 2"), compared);
        List<String> added = reviewer.driver().findElements(By.cssSelector("#review .diff ins")).stream()
                .map(WebElement::getText).map(String::strip).filter(t -> !t.isEmpty()).toList();
        assertFalse(added.isEmpty(), "the fix is marked");
        added.forEach(words -> assertTrue(fix.contains(words), "only the fix is new, not: " + words));
        List<String> removed = reviewer.driver().findElements(By.cssSelector("#review .diff del")).stream()
                .map(WebElement::getText).map(String::strip).filter(t -> !t.isEmpty()).toList();
        assertEquals(List.of(), removed, "no words removed");
        see(reviewer, "reviewer-sees-only-the-fix");
        reviewer.driver().findElements(By.cssSelector("#review input[type=checkbox]")).forEach(WebElement::click);
        click(reviewer, "workflow:approve");
        assertEquals("Approved", text(reviewer, "p.meta .state"));
        close(reviewer);

        // the editor schedules it in Berlin time, sees the time after a reload, and cancels it
        editor.open(editorPath);
        loaded(editor);
        assertTrue(text(editor, "label[for='workflow:publishAt']").contains("(" + ZONE + ")"),
                text(editor, "label[for='workflow:publishAt']"));
        ((JavascriptExecutor) editor.driver()).executeScript("arguments[0].value = '2030-03-01T09:00'",
                editor.driver().findElement(By.id("workflow:publishAt")));
        click(editor, "workflow:publishLater");
        assertMessage(editor, "Scheduled for Mar 1, 2030, 9:00");
        assertEquals(1898582400L, DatabaseRows.count("select cast(extract(epoch from s.publish_at) as bigint)"
                + " from scheduled_publication s join variant v on v.id = s.variant_id where v.article_id = ?"
                + " and s.cancelled_at is null", id), "09:00 in Berlin is 08:00 UTC");
        editor.open(editorPath);
        loaded(editor);
        String schedule = text(editor, "#schedule");
        assertTrue(schedule.startsWith("Revision 2 is scheduled to be published on Mar 1, 2030, 9:00")
                && schedule.endsWith(" CET."), schedule);
        assertEquals("Approved", text(editor, "p.meta .state"));
        see(editor, "editor-sees-the-schedule");
        marked(editor);
        editor.driver().findElement(By.id("workflow:cancelSchedule")).click();
        new WebDriverWait(editor.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
        assertTrue(editor.driver().switchTo().alert().getText().startsWith("Cancel the scheduled publication?"));
        editor.driver().switchTo().alert().accept();
        loaded(editor);
        assertMessage(editor, "The scheduled publication is cancelled.");
        assertTrue(editor.driver().findElements(By.id("schedule")).isEmpty());
        assertTrue(text(editor, "#auditTrail").contains("Schedule cancelled"), text(editor, "#auditTrail"));
        assertEquals(0, DatabaseRows.count("select count(*) from scheduled_publication s join variant v"
                + " on v.id = s.variant_id where v.article_id = ? and s.cancelled_at is null and s.done_at is null", id));
        see(editor, "editor-cancelled-the-schedule");
    }

    // --- the browsers

    private Browser signIn(String user) {
        assertTrue(open.size() < 3, "at most three browsers at once");
        Browser browser = Browser.start();
        open.add(browser);
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ZONE));
        browser.open("/admin/login.xhtml");
        type(browser, "login:userName", user);
        type(browser, "login:password", "demo");
        click(browser, "login:signIn");
        assertTrue(browser.driver().getCurrentUrl().contains("/admin/index.xhtml"), browser.driver().getCurrentUrl());
        return browser;
    }

    private void close(Browser browser) {
        open.remove(browser);
        List<String> refused;
        try {
            refused = browser.contentSecurityPolicyViolations();
        } finally {
            browser.close();
        }
        assertEquals(List.of(), refused, "refused by the Content Security Policy");
    }

    private static void type(Browser browser, String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static void click(Browser browser, String id) {
        marked(browser);
        browser.driver().findElement(By.id(id)).click();
        loaded(browser);
    }

    private static void marked(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.cmsOldPage = true");
    }

    private static void loaded(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript(
                        "return window.cmsOldPage !== true && document.readyState === 'complete'")));
    }

    private static void waitFor(Browser browser, By where, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    private static void assertMessage(Browser browser, String message) {
        List<WebElement> shown = browser.driver().findElements(By.id("messages"));
        String messages = shown.isEmpty() ? "(no messages) " + browser.driver().getTitle() : shown.get(0).getText();
        assertTrue(messages.contains(message), "expected the message \"" + message + "\", the page says: " + messages);
    }

    /** Checks that the editor is shown, and keeps its screenshot. */
    private void see(Browser browser, String what) {
        assertEquals("Edit article", browser.driver().findElement(By.tagName("h1")).getText(), what);
        shoot(browser, what);
    }

    private void shoot(Browser browser, String what) {
        browser.screenshot(SCREENSHOTS.resolve(String.format("admin-workflow-%02d-%s.png", ++shot, what)));
    }
}
